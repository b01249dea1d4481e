import Foundation

extension CronExpression {
    /// An English description that says exactly what the cron does: "at 10:00 on Thursday",
    /// "every 15 minutes", "at 09:00 on weekdays (Monday to Friday)". Complex crons get a faithful
    /// field-by-field description rather than a guess.
    public func describe() -> String {
        let time = timeDescription()
        var days = dayDescription()
        if days.isEmpty, isTimeOfDayList { days = "every day" }
        let text = [time, days, monthDescription()].filter { !$0.isEmpty }.joined(separator: " ")
        return canEverRun ? text : text + " (a date that never occurs, so it never runs)"
    }

    /// The description followed by the zone: "at 10:00 on Thursday (America/Los_Angeles)".
    /// Linux Foundation reports `UTC` as `GMT`; people asked for UTC.
    public func describe(zone: TimeZone) -> String {
        "\(describe()) (\(zone.identifier == "GMT" ? "UTC" : zone.identifier))"
    }

    private var isTimeOfDayList: Bool {
        minute.count * hour.count <= 6 && !(hour.isFull || (minute.isFull && hour.count > 1))
    }

    private func timeDescription() -> String {
        if isTimeOfDayList {
            let times = hour.values.flatMap { h in minute.values.map { EnglishText.clock(hour: h, minute: $0) } }
            return "at " + EnglishText.list(times)
        }
        if hour.isFull {
            let text = minuteDescription(single: { $0 == 0 ? "every hour" : "at minute \($0) of every hour" })
            return text.hasPrefix("at minutes") ? text + " of every hour" : text
        }
        if hour.starred, let step = CronField.starStep(kind: .hour, mask: hour.mask), minute.count == 1 {
            let value = minute.values[0]
            let text = "every \(step) hours " + (value == 0 ? "on the hour" : "at minute \(value)")
            return 24 % step == 0 ? text : text + ", restarting at midnight"
        }
        let hours = EnglishText.list(EnglishText.runs(hour.values) { "\($0)" })
        let noun = hour.count == 1 ? "hour" : "hours"
        return minuteDescription(single: { "at minute \($0)" }) + " during \(noun) \(hours)"
    }

    private func minuteDescription(single: (Int) -> String) -> String {
        if minute.isFull { return "every minute" }
        if minute.starred, let step = CronField.starStep(kind: .minute, mask: minute.mask) {
            return "every \(step) minutes" + (60 % step == 0 ? "" : ", restarting at the top of each hour")
        }
        if minute.count == 1 { return single(minute.values[0]) }
        return "at minutes " + EnglishText.list(EnglishText.runs(minute.values) { "\($0)" })
    }

    private func dayDescription() -> String {
        // Both fields written without `*` run when either matches, so one that covers every day
        // (`1-31`, `0-6`) makes the cron run daily whatever the other says.
        if dayOfMonthRestricted && dayOfWeekRestricted && (dayOfMonth.isFull || dayOfWeek.isFull) { return "" }
        let monthDays = dayOfMonth.isFull ? nil : monthDayDescription()
        let weekDays = dayOfWeek.isFull ? nil : weekdayDescription()
        switch (monthDays, weekDays) {
        case (nil, nil): return ""
        case (let text?, nil), (nil, let text?): return text
        case (let days?, let weekdays?):
            if dayOfMonthRestricted && dayOfWeekRestricted { return "\(days) or \(weekdays)" }
            return "\(days), but only when that day is also a \(weekdayNamesList(conjunction: "or"))"
        }
    }

    private func monthDayDescription() -> String {
        let days = EnglishText.list(EnglishText.runs(dayOfMonth.values) { "\($0)" })
        return "on day \(days) of the month"
    }

    private func weekdayDescription() -> String {
        switch dayOfWeek.values {
        case [1, 2, 3, 4, 5]: return "on weekdays (Monday to Friday)"
        case [0, 6]: return "on weekends (Saturday and Sunday)"
        default: return "on " + weekdayNamesList(conjunction: "and")
        }
    }

    private func weekdayNamesList(conjunction: String) -> String {
        EnglishText.list(EnglishText.runs(dayOfWeek.values) { EnglishText.weekdayNames[$0] }, conjunction: conjunction)
    }

    private func monthDescription() -> String {
        guard !month.isFull else { return "" }
        return "in " + EnglishText.list(EnglishText.runs(month.values) { EnglishText.monthNames[$0 - 1] })
    }
}
