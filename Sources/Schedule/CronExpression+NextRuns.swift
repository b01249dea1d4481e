import Foundation

extension CronExpression {
    /// How far ahead `nextRuns` looks before giving up: long enough for 29 February to come round
    /// even across a century year that is not a leap year.
    static let searchDays = 366 * 12

    /// The next `count` instants after `after` at which the cron runs in `zone`.
    ///
    /// Classic cron rules: when day of month and day of week both restrict, either one matching is
    /// enough. A local time skipped by a daylight-saving jump runs once at the first instant after
    /// the jump (02:30 on a spring-forward day runs at 03:00); a local time that happens twice runs
    /// once, the first time. Walks day by day over matching days only, so a cron that never runs
    /// (`0 0 30 2 *`) returns `[]` at once.
    public func nextRuns(after: Date, in zone: TimeZone, count: Int) -> [Date] {
        guard count > 0, canEverRun else { return [] }
        let clock = ZoneClock(zone: zone)
        let start = Int(after.timeIntervalSince1970.rounded(.down))
        let firstDay = Int((Double(clock.wallSeconds(of: start)) / 86_400).rounded(.down)) - 1
        var runs: [Date] = []
        var last = Int.min
        var day = firstDay
        let hours = hour.values
        let minutes = minute.values
        while day < firstDay + CronExpression.searchDays && runs.count < count {
            let date = CivilDate(daysSinceEpoch: day)
            guard month.contains(date.month) else {
                day = CivilDate(year: date.year + date.month / 12, month: date.month % 12 + 1, day: 1).daysSinceEpoch
                continue
            }
            if matchesDay(month: date.month, day: date.day, weekday: CivilDate.weekday(daysSinceEpoch: day)) {
                collect(
                    day: day, hours: hours, minutes: minutes, clock: clock, after: start, into: &runs, last: &last,
                    count: count)
            }
            day += 1
        }
        return runs
    }

    private func collect(
        day: Int, hours: [Int], minutes: [Int], clock: ZoneClock, after start: Int, into runs: inout [Date],
        last: inout Int, count: Int
    ) {
        for hourValue in hours {
            for minuteValue in minutes {
                let wall = day * 86_400 + hourValue * 3600 + minuteValue * 60
                let instant = clock.resolve(wall: wall).instant
                guard instant > start, instant > last else { continue }
                last = instant
                runs.append(Date(timeIntervalSince1970: TimeInterval(instant)))
                if runs.count == count { return }
            }
        }
    }

    /// False when no date can ever match, such as 30 February with the day of week unrestricted.
    var canEverRun: Bool {
        if dayOfWeekRestricted && dayOfMonthRestricted { return true }
        if dayOfWeekRestricted { return true }
        return month.values.contains { monthValue in
            dayOfMonth.values.contains { $0 <= CivilDate.daysIn(month: monthValue, year: 2000) }
        }
    }
}
