import Synchronization

/// Request ids: an incoming `X-Request-Id` when it is sane, else `<process prefix>-<counter>`.
final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        prefix = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
    }

    /// A new id unique within this process, for example `9f3a01c2-1b`.
    func next() -> String {
        let value = counter.add(1, ordering: .relaxed).newValue
        return prefix + "-" + String(value, radix: 16)
    }

    /// `candidate` if it is 1 to 64 characters of `[A-Za-z0-9_-]`, else nil.
    static func accepted(_ candidate: String?) -> String? {
        guard let candidate, (1...64).contains(candidate.utf8.count) else { return nil }
        let allowed = candidate.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
                || byte == 0x5F
        }
        return allowed ? candidate : nil
    }
}
