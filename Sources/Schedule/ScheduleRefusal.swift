/// A schedule phrase that cron cannot express, or that could not be read, with the sentence a user
/// reads and, where one exists, the nearest schedule that cron can do.
public struct ScheduleRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user-facing sentence, for example "Cron can't run exactly every 45 minutes: …".
    public let message: String
    /// The closest schedule cron can do, when there is one.
    public let nearest: CronExpression?

    /// A refusal with `message` and an optional nearest schedule.
    public init(_ message: String, nearest: CronExpression? = nil) {
        self.message = message
        self.nearest = nearest
    }

    /// The user-facing message, for logs and `print`.
    public var description: String { message }

    static func oneOff(_ words: String) -> ScheduleRefusal {
        ScheduleRefusal(
            "`\(words)` is a one-off date, but task schedules repeat. Name a recurring time instead, "
                + "such as `every Friday at 3pm`.")
    }

    static func oneOffRelative(_ words: String) -> ScheduleRefusal {
        ScheduleRefusal(
            "`\(words)` is a one-off moment, but task schedules repeat. Name a recurring time instead, "
                + "such as `every 2 hours` or `daily at 9am`.")
    }

    static func invalidTime(_ words: String, hint: String = "") -> ScheduleRefusal {
        ScheduleRefusal("`\(words)` is not a valid time of day\(hint). Use a time like `9am`, `2:30pm` or `17:45`.")
    }

    static func unreadable(_ word: String) -> ScheduleRefusal {
        ScheduleRefusal(
            "I can't read `\(word)` in that schedule. Try something like `every weekday at 9am`, "
                + "`every 15 minutes` or a cron such as `0 9 * * 1-5`.")
    }
}
