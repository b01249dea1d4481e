import Glibc

/// The IMF-fixdate for the `Date` header (RFC 9110 section 5.6.7), formatted at most once a second.
struct HTTPDate {
    private var second = -1
    private var text: [UInt8] = []

    /// The current date, for example `Thu, 03 Dec 2026 19:40:00 GMT`.
    mutating func current() -> [UInt8] {
        var now = time(nil)
        if now == second { return text }
        second = now
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 40)
        let length = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        text = buffer.prefix(length).map { UInt8(bitPattern: $0) }
        return text
    }
}
