/// What a schedule phrase asks for, relative to the task's current schedule: a whole new cron, or
/// new days and/or a new time of day with the rest kept.
public struct ScheduleEdit: Sendable, Equatable {
    /// The change itself.
    public enum Change: Sendable, Equatable {
        /// Replace the whole schedule: a pasted cron, an interval, "hourly".
        case replace(CronExpression)
        /// New days, a new time, or both; what is nil is kept from the current schedule.
        case calendar(days: DaySelection?, time: TimeOfDay?)
        /// Only a zone was named ("move it to PT"); the cron stays.
        case zoneOnly
    }

    /// The change itself.
    public var change: Change
    /// The IANA zone named in the phrase ("10am PT" gives `America/Los_Angeles`), if any.
    public var timeZone: String?

    /// An edit with `change` and an optional zone.
    public init(_ change: Change, timeZone: String? = nil) {
        self.change = change
        self.timeZone = timeZone
    }

    /// The schedule after this edit, given the current one. A day-only edit keeps the current time,
    /// a time-only edit keeps the current days, days and time together replace both; switching
    /// between days of the month and days of the week clears the other field, since cron runs when
    /// either matches.
    public func applied(to current: CronExpression) -> CronExpression {
        switch change {
        case .replace(let cron): return cron
        case .zoneOnly: return current
        case .calendar(let days, let time):
            var result = current
            if let time {
                result.minute = CronField(.minute, values: [time.minute])
                result.hour = CronField(.hour, values: time.hours)
            } else if let days, let fallback = days.defaultTime {
                let kept = current.timeOfDay.map { TimeOfDay(hour: $0.hour, minute: $0.minute) } ?? fallback
                result.minute = CronField(.minute, values: [kept.minute])
                result.hour = CronField(.hour, values: kept.hours)
            }
            if let days { days.apply(to: &result, keepMonths: time == nil) }
            return result
        }
    }
}

/// A time of day: one minute, one or more hours (`at 9am and 5pm` shares the minute).
public struct TimeOfDay: Sendable, Equatable {
    /// The hours 0-23, ascending.
    public var hours: [Int]
    /// The minute 0-59.
    public var minute: Int

    /// A single time of day.
    public init(hour: Int, minute: Int) {
        self.hours = [hour]
        self.minute = minute
    }

    /// Several hours at the same minute.
    public init(hours: [Int], minute: Int) {
        self.hours = hours.sorted()
        self.minute = minute
    }
}

/// Which days a phrase names.
public struct DaySelection: Sendable, Equatable {
    /// Which day fields the selection sets.
    public enum Days: Sendable, Equatable {
        /// Every day ("daily", "every day").
        case everyDay
        /// Days of the week, Sunday = 0.
        case weekdays(Set<Int>)
        /// Days of the month 1-31.
        case monthDays(Set<Int>)
    }

    /// The days.
    public var days: Days
    /// Months 1-12 when the phrase names some ("march 15"); nil keeps or resets them.
    public var months: Set<Int>?
    /// The time used when the phrase names none and the current schedule has no single time:
    /// "daily" alone is 00:00 like crontab's `@daily`. Nil keeps the current minute and hour fields.
    public var defaultTime: TimeOfDay?

    /// A selection of `days`, optionally in `months`, with an optional default time.
    public init(_ days: Days, months: Set<Int>? = nil, defaultTime: TimeOfDay? = nil) {
        self.days = days
        self.months = months
        self.defaultTime = defaultTime
    }

    func apply(to cron: inout CronExpression, keepMonths: Bool) {
        switch days {
        case .everyDay:
            cron.dayOfMonth = .every(.dayOfMonth)
            cron.dayOfWeek = .every(.dayOfWeek)
        case .weekdays(let values):
            cron.dayOfMonth = .every(.dayOfMonth)
            cron.dayOfWeek = values.count == 7 ? .every(.dayOfWeek) : CronField(.dayOfWeek, values: values)
        case .monthDays(let values):
            cron.dayOfMonth = CronField(.dayOfMonth, values: values)
            cron.dayOfWeek = .every(.dayOfWeek)
        }
        if let months {
            cron.month = months.count == 12 ? .every(.month) : CronField(.month, values: months)
        } else if !keepMonths {
            cron.month = .every(.month)
        }
    }
}
