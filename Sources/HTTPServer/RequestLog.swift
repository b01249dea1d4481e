import Glibc
import Support

/// Writes the one line per request. It produces the same JSON shape as `Logger` (ts, level, msg, then
/// fields in key order, the logger's metadata included) but formats it straight into bytes with a
/// timestamp cached per second, and its event loop writes the lines of one wake-up together
/// (`flush()`): Foundation's date formatting and a write(2) per line cost more than the rest of a
/// keep-alive request.
struct RequestLog {
    /// The fields of one request line; the path never includes the query (it may carry secrets).
    struct Entry {
        var method: String
        var path: String
        var status: Int
        var bytes: Int
        var nanoseconds: UInt64
        var requestID: String
    }

    /// One `,"key":value` of a line, in the order the keys sort.
    private enum Field {
        case bytes, durationMilliseconds, method, path, requestID, status
        /// A metadata pair, already quoted: `,"key":"value"`.
        case fixed([UInt8])
    }

    /// Lines beyond this many pending bytes are written at once: below PIPE_BUF (4096), one write(2) to
    /// a pipe is atomic, so lines from other threads never land inside these.
    static let flushThreshold = 3584

    private let sink: LogSink
    private let fields: [Field]
    private var pending: [UInt8] = []
    private var second = -1
    private var secondText: [UInt8] = []

    init(logger: Logger) {
        sink = logger.sink
        let own: [(String, Field)] = [
            ("bytes", .bytes), ("duration_ms", .durationMilliseconds), ("method", .method), ("path", .path),
            ("request_id", .requestID), ("status", .status),
        ]
        let ownKeys = Set(own.map(\.0))
        let metadata = logger.metadata.filter { !ownKeys.contains($0.key) }.map { key, value in
            (key, Field.fixed(Array(",\(JSONText.quote(key)):\(JSONText.quote(value))".utf8)))
        }
        fields = (own + metadata).sorted { $0.0 < $1.0 }.map(\.1)
        pending.reserveCapacity(Self.flushThreshold + 512)
    }

    /// Formats `entry` at info level and queues it; it is written at the next `flush()` or once enough
    /// lines are waiting.
    mutating func write(_ entry: Entry) {
        append(#"{"ts":""#)
        appendTimestamp()
        append(#"","level":"info","msg":"request""#)
        for field in fields {
            switch field {
            case .bytes: appendNumberField(#","bytes":""#, UInt64(max(entry.bytes, 0)))
            case .durationMilliseconds:
                append(#","duration_ms":""#)
                appendMilliseconds(entry.nanoseconds)
                pending.append(UInt8(ascii: "\""))
            case .method: appendStringField(#","method":"#, entry.method)
            case .path: appendStringField(#","path":"#, entry.path)
            case .requestID: appendStringField(#","request_id":"#, entry.requestID)
            case .status: appendNumberField(#","status":""#, UInt64(max(entry.status, 0)))
            case .fixed(let bytes): pending.append(contentsOf: bytes)
            }
        }
        append("}\n")
        if pending.count >= Self.flushThreshold { flush() }
    }

    /// Writes every queued line in one call to the sink.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        sink.write(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { pending.append(contentsOf: $0) }
    }

    private mutating func appendNumberField(_ key: StaticString, _ value: UInt64) {
        append(key)
        appendDecimal(value)
        pending.append(UInt8(ascii: "\""))
    }

    private mutating func appendStringField(_ key: StaticString, _ value: String) {
        append(key)
        if Self.isPlain(value) {
            pending.append(UInt8(ascii: "\""))
            pending.append(contentsOf: value.utf8)
            pending.append(UInt8(ascii: "\""))
        } else {
            pending.append(contentsOf: JSONText.quote(value).utf8)
        }
    }

    /// True when `value` can go between JSON quotes as it is: printable ASCII without `"` or `\`.
    static func isPlain(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    private mutating func appendDecimal(_ value: UInt64) {
        guard value >= 10 else {
            pending.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDecimal(value / 10)
        pending.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Nanoseconds as milliseconds with three decimals: `12.345`.
    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1000
        let fraction = String(micros % 1000)
        return "\(micros / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Nanoseconds as milliseconds with three decimals, appended: `12.345`.
    private mutating func appendMilliseconds(_ nanoseconds: UInt64) {
        let micros = nanoseconds / 1000
        appendDecimal(micros / 1000)
        pending.append(UInt8(ascii: "."))
        let fraction = micros % 1000
        pending.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        pending.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        pending.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// `2026-12-03T19:40:00.123Z`.
    private mutating func appendTimestamp() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if now.tv_sec != second {
            second = now.tv_sec
            var seconds = now.tv_sec
            var parts = tm()
            gmtime_r(&seconds, &parts)
            var buffer = [CChar](repeating: 0, count: 32)
            let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
            secondText = buffer.prefix(length).map { UInt8(bitPattern: $0) }
        }
        pending.append(contentsOf: secondText)
        let millis = now.tv_nsec / 1_000_000
        pending.append(UInt8(ascii: "."))
        pending.append(UInt8(ascii: "0") + UInt8(millis / 100))
        pending.append(UInt8(ascii: "0") + UInt8(millis / 10 % 10))
        pending.append(UInt8(ascii: "0") + UInt8(millis % 10))
        pending.append(UInt8(ascii: "Z"))
    }
}
