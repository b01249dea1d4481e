/// Which "every N units" intervals one cron can express. Cron steps restart at the top of each hour
/// (minutes) or at midnight (hours), so `*/7` minutes runs at :56 and then :00. An interval is
/// accepted when every gap is at least half of N (`*/7` minutes and `*/5` hours pass, with a
/// warning elsewhere); otherwise it is refused with the nearest even intervals.
enum IntervalRule {
    private static let minuteDivisors = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]
    private static let hourDivisors = [1, 2, 3, 4, 6, 8, 12, 24]

    static func minutes(_ count: Int) -> Result<CronExpression, ScheduleRefusal> {
        if count <= 0 {
            return .failure(
                ScheduleRefusal("An interval must be at least 1 minute; `every \(count) minutes` would never run."))
        }
        if count >= 60 {
            if count % 60 == 0 { return hours(count / 60) }
            return .failure(refusal(count, unit: "minute", reason: "one cron has no \(count)-minute step"))
        }
        if isEven(count, cycle: 60) { return .success(minuteCron(count)) }
        let gap = 60 - count * (59 / count)
        return .failure(
            refusal(
                count, unit: "minute",
                reason: "minute steps restart at the top of each hour, so runs would come "
                    + "\(count) and then only \(gap) minutes apart"))
    }

    static func hours(_ count: Int) -> Result<CronExpression, ScheduleRefusal> {
        if count <= 0 {
            return .failure(
                ScheduleRefusal("An interval must be at least 1 minute; `every \(count) hours` would never run."))
        }
        if count >= 24 {
            if count == 24 { return .success(hourCron(24)) }
            return .failure(
                refusal(count * 60, unit: "minute", reason: "one cron has no \(count)-hour step", hours: count))
        }
        if isEven(count, cycle: 24) { return .success(hourCron(count)) }
        let gap = 24 - count * (23 / count)
        return .failure(
            refusal(
                count * 60, unit: "minute",
                reason: "hour steps restart at midnight, so runs would come \(count) "
                    + "and then only \(gap) hours apart", hours: count))
    }

    /// True when every gap of `*/step` over `cycle` is at least half the step.
    private static func isEven(_ step: Int, cycle: Int) -> Bool {
        let shortest = cycle - step * ((cycle - 1) / step)
        return shortest * 2 >= step
    }

    private static func minuteCron(_ step: Int) -> CronExpression {
        CronExpression(
            minute: .every(.minute, step: step), hour: .every(.hour), dayOfMonth: .every(.dayOfMonth),
            month: .every(.month), dayOfWeek: .every(.dayOfWeek))
    }

    private static func hourCron(_ step: Int) -> CronExpression {
        CronExpression(
            minute: CronField(.minute, values: [0]),
            hour: step == 24 ? CronField(.hour, values: [0]) : .every(.hour, step: step),
            dayOfMonth: .every(.dayOfMonth), month: .every(.month), dayOfWeek: .every(.dayOfWeek))
    }

    /// A refusal naming the interval and offering the nearest even intervals below and above it.
    private static func refusal(_ minutes: Int, unit: String, reason: String, hours: Int? = nil) -> ScheduleRefusal {
        let asked = hours.map { "every \($0) hours" } ?? "every \(minutes) minutes"
        let options = minuteDivisors.map { $0 } + hourDivisors.dropFirst().map { $0 * 60 }
        let below = options.last { $0 < minutes }
        let above = options.first { $0 > minutes }
        let offers = [below, above].compactMap { $0 }.map { offer($0) }
        let nearest = below.map(cron(forMinutes:))
        let suffix = offers.isEmpty ? "" : " Nearest: " + offers.joined(separator: " or ") + "."
        return ScheduleRefusal("Cron can't run exactly \(asked): \(reason).\(suffix)", nearest: nearest)
    }

    private static func cron(forMinutes minutes: Int) -> CronExpression {
        minutes < 60 ? minuteCron(minutes) : hourCron(minutes / 60)
    }

    private static func offer(_ minutes: Int) -> String {
        let cron = cron(forMinutes: minutes).normalized
        switch minutes {
        case 1: return "every minute (`\(cron)`)"
        case 60: return "every hour (`\(cron)`)"
        case 1440: return "every day (`\(cron)`)"
        case ..<60: return "every \(minutes) minutes (`\(cron)`)"
        default: return "every \(minutes / 60) hours (`\(cron)`)"
        }
    }
}
