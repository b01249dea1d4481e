import Testing

@testable import Schedule

@Suite("Schedule edits")
struct ScheduleEditTests {
    private func apply(_ phrase: String, to current: String) throws -> String {
        let edit = try ScheduleEdit.parse(phrase).get()
        return edit.applied(to: try CronExpression(parsing: current)).normalized
    }

    @Test(
        "applies phrases relative to the current schedule",
        arguments: [
            ("thursday", "0 9 * * 1", "0 9 * * 4"),
            ("3pm", "0 9 * * 1", "0 15 * * 1"),
            ("thursday 10am", "*/30 * * * *", "0 10 * * 4"),
            ("monday", "30 8 15 * *", "30 8 * * 1"),
            ("the 1st", "0 8 * * 1", "0 8 1 * *"),
            ("thursday", "*/30 * * * *", "*/30 * * * 4"),
            ("daily", "15 7 * * 1", "15 7 * * *"),
            ("daily", "*/15 * * * *", "0 0 * * *"),
            ("weekly", "0 9 * * *", "0 9 * * 0"),
            ("at 9am and 5pm", "0 12 * * 1-5", "0 9,17 * * 1-5"),
            ("every evening at 7", "0 9 * * 1", "0 19 * * *"),
            ("weeknights at 9pm", "0 9 * * *", "0 21 * * 1-5"),
            ("fri-mon at 8", "0 9 * * *", "0 8 * * 0,1,5,6"),
            ("every 15 minutes on weekdays", "0 9 * * *", "*/15 * * * 1-5"),
            ("every 120 minutes", "0 9 * * *", "0 */2 * * *"),
            ("every 24 hours", "0 9 * * *", "0 0 * * *"),
            ("every 40 minutes", "0 9 * * *", "*/40 * * * *"),
            ("1 jan at noon", "0 9 * * *", "0 12 1 1 *"),
            ("february 29 at 6", "0 9 * * *", "0 6 29 2 *"),
            ("@weekly", "0 9 * * *", "0 0 * * 0"),
            ("every 3 months", "0 9 * * *", "0 9 1 1,4,7,10 *"),
            ("every 1 day at 7pm", "0 9 * * 1", "0 19 * * *"),
            ("every 6 months on the 15th at 8am", "0 9 * * *", "0 8 15 1,7 *"),
            ("0 9 * * MON-FRI", "0 8 * * *", "0 9 * * 1-5"),
            ("half past noon", "0 9 * * *", "30 12 * * *"),
            ("quarter to midnight", "0 9 * * *", "45 23 * * *"),
        ])
    func applies(phrase: String, current: String, expected: String) throws {
        #expect(try apply(phrase, to: current) == expected)
    }

    @Test("a zone in the phrase is returned as an IANA name")
    func zone() throws {
        #expect(try ScheduleEdit.parse("thursday 10am PT").get().timeZone == "America/Los_Angeles")
        #expect(try ScheduleEdit.parse("10am new york").get().timeZone == "America/New_York")
        #expect(try ScheduleEdit.parse("London").get() == ScheduleEdit(.zoneOnly, timeZone: "Europe/London"))
    }

    @Test("a refusal carries the nearest schedule cron can do")
    func nearest() throws {
        guard case .failure(let refusal) = ScheduleEdit.parse("every 45 minutes") else {
            Issue.record("every 45 minutes must be refused")
            return
        }
        #expect(refusal.nearest == (try CronExpression(parsing: "*/30 * * * *")))
        guard case .failure(let hours) = ScheduleEdit.parse("every 7 hours") else {
            Issue.record("every 7 hours must be refused")
            return
        }
        #expect(
            hours.message
                == "Cron can't run exactly every 7 hours: hour steps restart at midnight, so runs would come 7 and "
                + "then only 3 hours apart. Nearest: every 6 hours (`0 */6 * * *`) or every 8 hours (`0 */8 * * *`).")
    }

    @Test(
        "refuses what cron cannot say",
        arguments: [
            "first monday of the month", "last friday", "every other day", "biweekly", "every 2 weeks", "tonight",
            "this friday", "12/24", "every 3 days", "13:60", "0am", "the 32nd", "every 5 seconds", "in an hour",
            "mondays and the 1st", "every 15 minutes at 9am", "",
            "9:99999999999999999999999", "99999999999999999999999", "every 0 months", "every 0 days", "every 0 weeks",
        ])
    func refuses(phrase: String) {
        guard case .failure(let refusal) = ScheduleEdit.parse(phrase) else {
            Issue.record("`\(phrase)` must be refused")
            return
        }
        #expect(!refusal.message.isEmpty)
    }
}
