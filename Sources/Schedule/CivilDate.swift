import Foundation

/// A proleptic Gregorian calendar date, with day counts since 1970-01-01, for cron arithmetic
/// without `Calendar` (which is slow and allocates).
struct CivilDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int

    /// The date `days` after 1970-01-01 (H. Hinnant's days-to-civil algorithm).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Day of week, Sunday = 0.
    var weekday: Int { CivilDate.weekday(daysSinceEpoch: daysSinceEpoch) }

    static func weekday(daysSinceEpoch days: Int) -> Int {
        ((days % 7) + 7 + 4) % 7
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Converting wall-clock times of one zone to instants, with the cron rules for daylight saving:
/// a skipped time maps to the first instant after the gap, a repeated time to its first occurrence.
struct ZoneClock {
    let zone: TimeZone

    func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock seconds (as if UTC) of `instant` in the zone.
    func wallSeconds(of instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// The instant for a wall-clock time, or where it falls in a gap the first instant after the gap.
    func resolve(wall: Int) -> (instant: Int, skipped: Bool) {
        let before = offset(at: wall - 86_400)
        let after = offset(at: wall + 86_400)
        let early = wall - before
        if before == after { return (early, false) }
        let late = wall - after
        let earlyValid = offset(at: early) == before
        let lateValid = offset(at: late) == after
        switch (earlyValid, lateValid) {
        case (true, true): return (min(early, late), false)
        case (true, false): return (early, false)
        case (false, true): return (late, false)
        case (false, false): return (transition(between: min(early, late), and: max(early, late)), true)
        }
    }

    /// The first instant in `(low, high]` whose offset differs from the offset at `low`.
    func transition(between low: Int, and high: Int) -> Int {
        var low = low
        var high = high
        let start = offset(at: low)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == start { low = middle } else { high = middle }
        }
        return high
    }
}
