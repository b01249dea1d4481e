extension ScheduleRefusal {
    static let nthWeekday = ScheduleRefusal(
        "Cron can't say “the first Monday of the month” (or any nth weekday): with both a day of the month and "
            + "a day of the week it runs when either one matches. Nearest: every Monday, or days 1 to 7 of the month.")

    static let lastDay = ScheduleRefusal(
        "Cron can't say “the last day of the month”: months end on different days and the tasks API's cron has "
            + "no `L`. Nearest: the 1st of the month, or the 28th.")

    static func everyOther(_ unit: String) -> ScheduleRefusal {
        if unit == "day" {
            return ScheduleRefusal(
                "Cron can't run every other day: day-of-month steps restart each month, so the 31st is followed by "
                    + "the 1st. Nearest: every day, or chosen days of the week such as Monday, Wednesday and Friday.")
        }
        return ScheduleRefusal(
            "Cron can't run every other \(unit): it has no \(unit)-number field. Nearest: every \(unit) on a chosen "
                + "day, or days 1 and 15 of the month.")
    }

    static func subMinute(_ words: String) -> ScheduleRefusal {
        ScheduleRefusal(
            "Cron runs at most once a minute, so it can't run `\(words)`. Nearest: every minute (`* * * * *`).",
            nearest: try? CronExpression(parsing: "* * * * *"))
    }

    static func impossibleDate(month: Int, day: Int) -> ScheduleRefusal {
        let name = EnglishText.monthNames[month - 1]
        let last = CivilDate.daysIn(month: month, year: 2001)
        return ScheduleRefusal(
            "\(name) \(day) never happens, so the task would never run. "
                + "Pick a day that exists, such as \(name) \(last).")
    }

    static func noSuchDay(_ day: Int) -> ScheduleRefusal {
        ScheduleRefusal("There is no day \(day) in a month; days of the month run from 1 to 31.")
    }

    static let mixedMinutes = ScheduleRefusal(
        "Those times have different minutes, which one cron can't combine. Pick times that share the minute "
            + "(such as 9:00 and 17:00) or set up two tasks.")

    static let mixedDays = ScheduleRefusal(
        "Cron can't combine days of the month with days of the week: it would run when either one matches. "
            + "Pick one of the two.")

    static func unsupportedInterval(_ words: String, reason: String, nearest: String) -> ScheduleRefusal {
        ScheduleRefusal("Cron can't run exactly `\(words)`: \(reason). Nearest: \(nearest).")
    }

    static func empty(_ phrase: String) -> ScheduleRefusal {
        ScheduleRefusal(
            "I couldn't find a schedule in `\(phrase)`. Try something like `every weekday at 9am`, `every 15 minutes` "
                + "or a cron such as `0 9 * * 1-5`.")
    }
}
