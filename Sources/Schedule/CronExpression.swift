/// A five-field cron expression in the dialect of the tasks API (minute, hour, day of month, month,
/// day of week with Sunday = 0), read from what people paste and printed in the API's normal form.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// Minutes 0-59.
    public var minute: CronField
    /// Hours 0-23.
    public var hour: CronField
    /// Days of the month 1-31.
    public var dayOfMonth: CronField
    /// Months 1-12.
    public var month: CronField
    /// Days of the week 0-6, Sunday = 0.
    public var dayOfWeek: CronField

    private static let macros: [String: String] = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]

    /// A cron from its five fields.
    public init(minute: CronField, hour: CronField, dayOfMonth: CronField, month: CronField, dayOfWeek: CronField) {
        self.minute = minute
        self.hour = hour
        self.dayOfMonth = dayOfMonth
        self.month = month
        self.dayOfWeek = dayOfWeek
    }

    /// Reads a cron expression: five fields of numbers, `*`, ranges, steps, lists and names (`MON`,
    /// `jan`), 7 for Sunday, or one of `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`, `@annually`.
    /// Every value is range-checked.
    public init(parsing text: String) throws(CronError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("@") {
            guard let expansion = CronExpression.macros[trimmed.lowercased()] else {
                throw CronError(
                    "`\(trimmed)` is not a cron macro I know; use @hourly, @daily, @weekly, @monthly or @yearly.")
            }
            try self.init(parsing: expansion)
            return
        }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronError(
                "A cron expression has 5 fields (minute hour day-of-month month day-of-week); "
                    + "`\(trimmed)` has \(fields.count)."
            )
        }
        self.init(
            minute: try CronField(parsing: fields[0], as: .minute),
            hour: try CronField(parsing: fields[1], as: .hour),
            dayOfMonth: try CronField(parsing: fields[2], as: .dayOfMonth),
            month: try CronField(parsing: fields[3], as: .month),
            dayOfWeek: try CronField(parsing: fields[4], as: .dayOfWeek)
        )
        for field in self.fields where field.mask == 0 {
            throw CronError("The \(field.kind.name) field `\(fields[field.kind.rawValue])` matches no value.")
        }
    }

    /// True when both crons have the same normal form, compared without building it.
    public func printsSame(as other: CronExpression) -> Bool {
        minute.printsSame(as: other.minute) && hour.printsSame(as: other.hour)
            && dayOfMonth.printsSame(as: other.dayOfMonth) && month.printsSame(as: other.month)
            && dayOfWeek.printsSame(as: other.dayOfWeek)
    }

    /// The five fields in order.
    public var fields: [CronField] { [minute, hour, dayOfMonth, month, dayOfWeek] }

    /// The form the tasks API accepts: numbers only, ascending lists, ranges for three or more
    /// consecutive values, no leading zeros, `*/N` kept, lists instead of stepped ranges.
    public var normalized: String {
        fields.map(\.normalized).joined(separator: " ")
    }

    /// The normal form.
    public var description: String { normalized }

    /// True when the day of month restricts (classic cron: not written with `*`).
    var dayOfMonthRestricted: Bool { !dayOfMonth.starred }
    /// True when the day of week restricts (classic cron: not written with `*`).
    var dayOfWeekRestricted: Bool { !dayOfWeek.starred }

    /// True when the cron runs on the given date: the month matches and, when both day fields
    /// restrict, either of them matches (classic Vixie cron), else both.
    func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard self.month.contains(month) else { return false }
        if dayOfMonthRestricted && dayOfWeekRestricted {
            return dayOfMonth.contains(day) || dayOfWeek.contains(weekday)
        }
        return dayOfMonth.contains(day) && dayOfWeek.contains(weekday)
    }

    /// The single time of day when the cron has exactly one minute and one hour.
    public var timeOfDay: (hour: Int, minute: Int)? {
        guard minute.count == 1, hour.count == 1 else { return nil }
        return (hour.values[0], minute.values[0])
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
