extension SchedulePhraseReader {
    /// "mornings at 8" is 08:00, "evenings at 7" is 19:00: applies the part of day to bare hours.
    mutating func applyMeridiem() {
        guard meridiem == .pm else { return }
        for position in pendingBareHours where times[position].hour < 12 {
            times[position].hour += 12
        }
    }

    /// The edit the phrase asks for, or nil when it named no days, time or interval.
    func change() throws(ScheduleRefusal) -> ScheduleEdit.Change? {
        if let interval { return try intervalChange(interval) }
        let time = try timeOfDay()
        let selection = try daySelection()
        if time == nil && selection == nil { return nil }
        return .calendar(days: selection, time: time)
    }

    private func timeOfDay() throws(ScheduleRefusal) -> TimeOfDay? {
        guard let first = times.first else { return nil }
        guard times.allSatisfy({ $0.minute == first.minute }) else { throw ScheduleRefusal.mixedMinutes }
        return TimeOfDay(hours: Array(Set(times.map(\.hour))), minute: first.minute)
    }

    private func daySelection() throws(ScheduleRefusal) -> DaySelection? {
        let fallback = frequency == nil ? nil : TimeOfDay(hour: 0, minute: 0)
        if !weekdays.isEmpty {
            guard monthDays.isEmpty else { throw ScheduleRefusal.mixedDays }
            return DaySelection(.weekdays(weekdays), months: months.isEmpty ? nil : months, defaultTime: fallback)
        }
        if !monthDays.isEmpty {
            var chosenMonths = months.isEmpty ? nil : months
            if frequency == .yearly, chosenMonths == nil { chosenMonths = [1] }
            try checkDatesExist(chosenMonths)
            return DaySelection(.monthDays(monthDays), months: chosenMonths, defaultTime: fallback)
        }
        if !months.isEmpty {
            return DaySelection(.monthDays([1]), months: months, defaultTime: fallback)
        }
        switch frequency {
        case nil: return nil
        case .daily: return DaySelection(.everyDay, defaultTime: fallback)
        case .weekly: return DaySelection(.weekdays([0]), defaultTime: fallback)
        case .monthly: return DaySelection(.monthDays([1]), defaultTime: fallback)
        case .yearly: return DaySelection(.monthDays([1]), months: [1], defaultTime: fallback)
        }
    }

    /// Refuses when no chosen day exists in any chosen month (30 February).
    private func checkDatesExist(_ chosenMonths: Set<Int>?) throws(ScheduleRefusal) {
        let monthList = (chosenMonths ?? Set(1...12)).sorted()
        let possible = monthList.contains { month in
            monthDays.contains { $0 <= CivilDate.daysIn(month: month, year: 2000) }
        }
        guard possible else {
            throw ScheduleRefusal.impossibleDate(month: monthList.first ?? 2, day: monthDays.min() ?? 30)
        }
    }

    private func intervalChange(_ interval: (count: Int, unitMinutes: Int, words: String)) throws(ScheduleRefusal)
        -> ScheduleEdit.Change
    {
        guard times.isEmpty || interval.unitMinutes >= 1440 else {
            throw ScheduleRefusal(
                "`\(interval.words)` already says when the task runs, so it can't also run at a set time. "
                    + "Use one or the other.")
        }
        let time = try timeOfDay()
        var cron: CronExpression
        switch interval.unitMinutes {
        case 1: cron = try IntervalRule.minutes(interval.count).get()
        case 60: cron = try IntervalRule.hours(interval.count).get()
        case 1440 where interval.count == 1:
            return .calendar(days: try daySelectionOr(.daily), time: time)
        case 10_080 where interval.count == 1:
            return .calendar(days: try daySelectionOr(.weekly), time: time)
        case 43_200 where interval.count == 1:
            return .calendar(days: try daySelectionOr(.monthly), time: time)
        case 525_600 where interval.count == 1:
            return .calendar(days: try daySelectionOr(.yearly), time: time)
        case 43_200 where interval.count > 0 && 12 % interval.count == 0:
            let months = Set(stride(from: 1, through: 12, by: interval.count))
            let days = monthDays.isEmpty ? [1] : monthDays
            let selection = DaySelection(.monthDays(days), months: months, defaultTime: TimeOfDay(hour: 0, minute: 0))
            return .calendar(days: selection, time: time)
        case 1440:
            throw ScheduleRefusal.unsupportedInterval(
                interval.words,
                reason: "day-of-month steps restart each month, so the 31st would be followed by the 1st",
                nearest: "every day, or chosen days of the week")
        case 10_080:
            throw ScheduleRefusal.unsupportedInterval(
                interval.words, reason: "cron has no week-number field", nearest: "every week on a chosen day")
        case 43_200:
            throw ScheduleRefusal.unsupportedInterval(
                interval.words, reason: "month steps restart each year",
                nearest: "every 2, 3, 4 or 6 months, or once a year")
        default:
            throw ScheduleRefusal.unsupportedInterval(
                interval.words, reason: "cron has no year field", nearest: "once a year")
        }
        if !weekdays.isEmpty { cron.dayOfWeek = CronField(.dayOfWeek, values: weekdays) }
        if !monthDays.isEmpty { cron.dayOfMonth = CronField(.dayOfMonth, values: monthDays) }
        return .replace(cron)
    }

    private func daySelectionOr(_ fallback: Frequency) throws(ScheduleRefusal) -> DaySelection? {
        var copy = self
        if copy.frequency == nil { copy.frequency = fallback }
        return try copy.daySelection()
    }
}
