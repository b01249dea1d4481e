import Foundation

/// Wall-clock text for instants in a reader's zone: "Thu 10 Dec 10:00 EST".
enum TimeText {
    /// The zone's name as people know it: Foundation calls UTC "GMT".
    static func name(_ zone: TimeZone) -> String {
        zone.identifier == "GMT" ? "UTC" : zone.identifier
    }

    /// A short weekday, day, month, 24-hour time and the zone's abbreviation.
    static func short(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM HH:mm zzz"
        return utcNamed(formatter.string(from: date), zone)
    }

    /// Like `short`, with the year: "Thu 10 Dec 2026 10:00 EST".
    static func long(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM yyyy HH:mm zzz"
        return utcNamed(formatter.string(from: date), zone)
    }

    private static func utcNamed(_ text: String, _ zone: TimeZone) -> String {
        guard zone.identifier == "GMT" || zone.identifier == "UTC", text.hasSuffix("GMT") else { return text }
        return text.dropLast(3) + "UTC"
    }

    /// "in 2 h 5 min", "in 45 s" for a span from `now` to `date`.
    static func relative(_ date: Date, from now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded())
        if seconds < 60 { return "in \(max(seconds, 0)) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "in \(minutes) min" }
        let hours = minutes / 60
        if hours < 48 { return minutes % 60 == 0 ? "in \(hours) h" : "in \(hours) h \(minutes % 60) min" }
        return "in \(hours / 24) days"
    }
}
