import Glibc
import Support

/// Writes the one line per request. It produces the same JSON shape as `Logger` (ts, level, msg, then
/// fields in key order, the logger's metadata included) but formats it by hand with a timestamp cached per
/// second: Foundation's date formatting cost more than the rest of a keep-alive request.
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

    private let logger: Logger
    private let metadata: [(key: String, value: String)]
    private var second = -1
    private var secondText = ""

    init(logger: Logger) {
        self.logger = logger
        metadata = logger.metadata.sorted { $0.key < $1.key }.map { (JSONText.quote($0.key), JSONText.quote($0.value)) }
    }

    /// Formats and writes `entry` at info level.
    mutating func write(_ entry: Entry) {
        var line = ""
        line.reserveCapacity(256)
        line += "{\"ts\":\""
        line += timestamp()
        line += "\",\"level\":\"info\",\"msg\":\"request\""
        if metadata.isEmpty {
            for (key, value) in ownFields(entry) { Self.append(key, value, to: &line) }
        } else {
            let own = ownFields(entry)
            let keys = Set(own.map(\.key))
            var all = own + metadata.filter { !keys.contains($0.key) }
            all.sort { $0.key < $1.key }
            for (key, value) in all { Self.append(key, value, to: &line) }
        }
        line += "}\n"
        logger.sink.write(line)
    }

    /// The request's fields, quoted, in key order.
    private func ownFields(_ entry: Entry) -> [(key: String, value: String)] {
        [
            ("\"bytes\"", "\"" + String(entry.bytes) + "\""),
            ("\"duration_ms\"", "\"" + Self.milliseconds(entry.nanoseconds) + "\""),
            ("\"method\"", Self.quote(entry.method)), ("\"path\"", Self.quote(entry.path)),
            ("\"request_id\"", Self.quote(entry.requestID)), ("\"status\"", "\"" + String(entry.status) + "\""),
        ]
    }

    private static func append(_ key: String, _ value: String, to line: inout String) {
        line += ","
        line += key
        line += ":"
        line += value
    }

    /// JSON string literal; a fast path for the common case of nothing to escape.
    static func quote(_ value: String) -> String {
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        return plain ? "\"" + value + "\"" : JSONText.quote(value)
    }

    /// `2026-12-03T19:40:00.123Z`.
    private mutating func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        if now.tv_sec != second {
            second = now.tv_sec
            var seconds = now.tv_sec
            var parts = tm()
            gmtime_r(&seconds, &parts)
            var buffer = [CChar](repeating: 0, count: 32)
            let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
            secondText = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let millis = now.tv_nsec / 1_000_000
        return secondText + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + String(millis) + "Z"
    }

    /// Nanoseconds as milliseconds with three decimals, without Foundation's formatter.
    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1000
        let fraction = micros % 1000
        let padding = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(micros / 1000).\(padding)\(fraction)"
    }
}
