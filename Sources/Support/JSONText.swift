import Foundation

/// Small helpers for writing JSON text by hand where a `Codable` round trip would be wasteful.
public enum JSONText {
    /// The JSON string literal for `value`, quotes included, escaped per RFC 8259 section 7. U+2028 and
    /// U+2029 are escaped too, so the text is also safe inside JavaScript.
    public static func quote(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// ISO-8601 formatting and parsing of instants in UTC, with or without fractional seconds.
public enum ISO8601 {
    /// `2026-12-03T15:00:00Z`, or `2026-12-03T15:00:00.123Z` when `fractional` is true.
    public static func string(from date: Date, fractional: Bool = false) -> String {
        let style = Date.ISO8601FormatStyle(
            includingFractionalSeconds: fractional, timeZone: TimeZone(identifier: "UTC")!)
        return date.formatted(style)
    }

    /// Reads an instant with a zone designator (`Z` or `+01:00`), fractional seconds optional.
    public static func date(from text: String) -> Date? {
        let plain = Date.ISO8601FormatStyle()
        if let date = try? plain.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}
