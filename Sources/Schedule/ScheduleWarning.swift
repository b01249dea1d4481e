import Foundation

/// Something about a schedule a person should know before confirming it, with the sentence to show.
public struct ScheduleWarning: Sendable, Equatable {
    /// What kind of surprise the warning is about.
    public enum Kind: Sendable, Equatable {
        /// A run time that does not exist on `date` (clocks jump forward); the run happens at `runsAt`.
        case skippedTime(date: Date, runsAt: Date)
        /// A run time that happens twice on `date` (clocks go back); the run happens only the first time.
        case repeatedTime(date: Date)
        /// An interval that restarts each hour or day, leaving one shorter gap of `shortestGap` minutes.
        case unevenInterval(shortestGap: Int)
    }

    /// What the warning is about.
    public let kind: Kind
    /// The sentence a user reads.
    public let message: String
}

extension CronExpression {
    /// Surprises of this schedule in `zone` during the year after `after`: run times falling in a
    /// daylight-saving gap or overlap, and intervals that restart each hour or day unevenly.
    public func warnings(in zone: TimeZone, after: Date) -> [ScheduleWarning] {
        intervalWarnings() + daylightSavingWarnings(in: zone, after: after)
    }

    private func intervalWarnings() -> [ScheduleWarning] {
        var warnings: [ScheduleWarning] = []
        if minute.starred, let step = CronField.starStep(kind: .minute, mask: minute.mask), 60 % step != 0,
            hour.count > 1
        {
            let last = minute.values.last ?? 0
            let gap = 60 - last
            warnings.append(
                ScheduleWarning(
                    kind: .unevenInterval(shortestGap: gap),
                    message: "Every \(step) minutes restarts at the top of each hour: the run at :\(last) is "
                        + "followed by the one at :00, only \(gap) minutes later."))
        }
        if hour.starred, let step = CronField.starStep(kind: .hour, mask: hour.mask), 24 % step != 0 {
            let last = hour.values.last ?? 0
            let gap = 24 - last
            let lastTime = EnglishText.clock(hour: last, minute: minute.values.first ?? 0)
            let firstTime = EnglishText.clock(hour: 0, minute: minute.values.first ?? 0)
            warnings.append(
                ScheduleWarning(
                    kind: .unevenInterval(shortestGap: gap * 60),
                    message: "Every \(step) hours restarts at midnight: the run at \(lastTime) is followed by the "
                        + "one at \(firstTime), only \(gap) hours later."))
        }
        return warnings
    }

    private func daylightSavingWarnings(in zone: TimeZone, after: Date) -> [ScheduleWarning] {
        let clock = ZoneClock(zone: zone)
        let end = after.addingTimeInterval(366 * 86_400)
        var warnings: [ScheduleWarning] = []
        var cursor = after
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < end {
            let instant = Int(change.timeIntervalSince1970.rounded())
            if let warning = warning(atTransition: instant, clock: clock) { warnings.append(warning) }
            cursor = change.addingTimeInterval(1)
        }
        return warnings
    }

    private func warning(atTransition instant: Int, clock: ZoneClock) -> ScheduleWarning? {
        let before = clock.offset(at: instant - 1)
        let after = clock.offset(at: instant)
        guard before != after else { return nil }
        let oldWall = instant + before
        let newWall = instant + after
        let hits = wallTimes(from: min(oldWall, newWall), to: max(oldWall, newWall))
        guard !hits.isEmpty else { return nil }
        let day = CivilDate(daysSinceEpoch: Int((Double(oldWall) / 86_400).rounded(.down)))
        let zoneName = clock.zone.identifier
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        let from = wallClock(oldWall)
        let to = wallClock(newWall)
        let times = hits.count > 4 ? "\(hits[0]) to \(hits[hits.count - 1])" : EnglishText.list(hits)
        if after > before {
            let verb = hits.count == 1 || hits.count > 4 ? "does" : "do"
            return ScheduleWarning(
                kind: .skippedTime(date: date, runsAt: date),
                message: "On \(EnglishText.date(day)) the clocks in \(zoneName) jump from \(from) to \(to), so "
                    + "\(times) \(verb) not exist that day; the task runs once at \(to) instead.")
        }
        let verb = hits.count == 1 || hits.count > 4 ? "happens" : "happen"
        return ScheduleWarning(
            kind: .repeatedTime(date: date),
            message: "On \(EnglishText.date(day)) the clocks in \(zoneName) go back from \(from) to \(to), so "
                + "\(times) \(verb) twice that day; the task runs only the first time.")
    }

    /// The cron's run times (as "HH:MM") on wall-clock minutes in `[from, to)`.
    private func wallTimes(from: Int, to: Int) -> [String] {
        var hits: [String] = []
        var wall = from - ((from % 60) + 60) % 60
        while wall < to {
            let day = Int((Double(wall) / 86_400).rounded(.down))
            let date = CivilDate(daysSinceEpoch: day)
            let seconds = wall - day * 86_400
            if hour.contains(seconds / 3600), minute.contains(seconds % 3600 / 60),
                matchesDay(month: date.month, day: date.day, weekday: CivilDate.weekday(daysSinceEpoch: day))
            {
                hits.append(wallClock(wall))
            }
            wall += 60
        }
        return hits
    }

    private func wallClock(_ wall: Int) -> String {
        let seconds = ((wall % 86_400) + 86_400) % 86_400
        return EnglishText.clock(hour: seconds / 3600, minute: seconds % 3600 / 60)
    }
}
