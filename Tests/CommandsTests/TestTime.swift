import Foundation

/// UTC ISO-8601 helpers for tests, independent of the code under test.
enum ISO8601Instant {
    static func parse(_ text: String) -> Date? { try? Date.ISO8601FormatStyle().parse(text) }
    static func format(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }
}

enum TimeZoneFor {
    static func identifier(_ name: String) -> TimeZone? { TimeZone(identifier: name) }
}
