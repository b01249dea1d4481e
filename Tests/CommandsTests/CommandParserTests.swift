import Commands
import Schedule
import Testing

@Suite("Command parser")
struct CommandParserTests {
    private static let uuid = "3f9c1e2a-1b2c-4d5e-8f90-1234567890ab"

    private static func cron(_ text: String) -> CronExpression {
        (try? CronExpression(parsing: text))!
    }

    private static func ref(_ kind: TaskReference.Kind, _ typed: String) -> TaskReference {
        TaskReference(kind, typed: typed)
    }

    static let accepted: [(String, Command)] = [
        ("", Command(verb: .help)),
        ("  ", Command(verb: .help)),
        (
            "pause task aade2bce",
            Command(verb: .pause, task: ref(.prefix("aade2bce"), "aade2bce"), edit: TaskEdit(enabled: false))
        ),
        (
            "Stop AADE please 🙏",
            Command(verb: .pause, task: ref(.prefix("aade"), "AADE"), edit: TaskEdit(enabled: false))
        ),
        (
            "disable \(uuid.uppercased())",
            Command(verb: .pause, task: ref(.id(uuid), uuid.uppercased()), edit: TaskEdit(enabled: false))
        ),
        ("suspend it", Command(verb: .pause, task: ref(.lastTouched, "it"), edit: TaskEdit(enabled: false))),
        (
            "pause that task",
            Command(verb: .pause, task: ref(.lastTouched, "that task"), edit: TaskEdit(enabled: false))
        ),
        (
            "pause “Weekly digest”",
            Command(verb: .pause, task: ref(.title("Weekly digest"), "Weekly digest"), edit: TaskEdit(enabled: false))
        ),
        (
            "pause Weekly digest",
            Command(verb: .pause, task: ref(.title("Weekly digest"), "Weekly digest"), edit: TaskEdit(enabled: false))
        ),
        (
            "pause aade for 2h",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .duration(seconds: 7200)))
        ),
        (
            "pause aade for 30 minutes",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .duration(seconds: 1800)))
        ),
        (
            "pause aade for an hour",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .duration(seconds: 3600)))
        ),
        (
            "pause aade for 1h30m",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .duration(seconds: 5400)))
        ),
        (
            "pause aade until Monday 9am",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .until(cron("0 9 * * 1"))))
        ),
        (
            "pause aade until 9am",
            Command(
                verb: .pause, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(enabled: false, snooze: .until(cron("0 9 * * *"))))
        ),
        ("pause all", Command(verb: .pause, task: ref(.all(artistID: nil), "all"), edit: TaskEdit(enabled: false))),
        (
            "pause all for artist \(uuid)",
            Command(
                verb: .pause, task: ref(.all(artistID: uuid), "all for artist \(uuid)"), edit: TaskEdit(enabled: false))
        ),
        ("resume all", Command(verb: .resume, task: ref(.all(artistID: nil), "all"), edit: TaskEdit(enabled: true))),
        ("unpause 12ab", Command(verb: .resume, task: ref(.prefix("12ab"), "12ab"), edit: TaskEdit(enabled: true))),
        ("start task 12ab", Command(verb: .resume, task: ref(.prefix("12ab"), "12ab"), edit: TaskEdit(enabled: true))),
        ("suspend 12ab", Command(verb: .pause, task: ref(.prefix("12ab"), "12ab"), edit: TaskEdit(enabled: false))),
        (
            "enable task 12ab.",
            Command(verb: .resume, task: ref(.prefix("12ab"), "12ab"), edit: TaskEdit(enabled: true))
        ),
        (
            "rename aade to Weekly sync: genre + mood",
            Command(
                verb: .rename, task: ref(.prefix("aade"), "aade"), edit: TaskEdit(title: "Weekly sync: genre + mood"))
        ),
        (
            "rename aade to “Monday digest”",
            Command(verb: .rename, task: ref(.prefix("aade"), "aade"), edit: TaskEdit(title: "Monday digest"))
        ),
        (
            "set title of aade to Friday wrap-up!",
            Command(verb: .rename, task: ref(.prefix("aade"), "aade"), edit: TaskEdit(title: "Friday wrap-up!"))
        ),
        (
            "set prompt of aade to Summarise the week's streams, top 5 only.",
            Command(
                verb: .setPrompt, task: ref(.prefix("aade"), "aade"),
                edit: TaskEdit(prompt: "Summarise the week's streams, top 5 only."))
        ),
        ("show aade", Command(verb: .show, task: ref(.prefix("aade"), "aade"))),
        ("status of task 12ab?", Command(verb: .show, task: ref(.prefix("12ab"), "12ab"))),
        ("list", Command(verb: .list)),
        ("list page 3", Command(verb: .list, argument: "3")),
        ("help", Command(verb: .help)),
        ("help move", Command(verb: .help, argument: "move")),
        ("undo", Command(verb: .undo)),
        ("history aade", Command(verb: .history, task: ref(.prefix("aade"), "aade"))),
        ("timezone PT", Command(verb: .timezone, argument: "America/Los_Angeles")),
        ("set my zone to Europe/Berlin", Command(verb: .timezone, argument: "Europe/Berlin")),
        ("set my timezone to new york", Command(verb: .timezone, argument: "America/New_York")),
        ("confirm K7Q2", Command(verb: .confirm, argument: "K7Q2")),
        ("cancel k7q2", Command(verb: .cancel, argument: "k7q2")),
        (
            "move aade to PT",
            Command(verb: .move, task: ref(.prefix("aade"), "aade"), edit: TaskEdit(timezone: "America/Los_Angeles"))
        ),
    ]

    @Test("reads commands into exact values", arguments: accepted)
    func accepts(text: String, expected: Command) {
        #expect(CommandParser.parse(text) == .success(expected))
    }

    static let refused: [(String, String, String?)] = [
        ("pasue aade", "I don't know the command `pasue`. Did you mean `pause`? Try `/tasks help`.", "pause"),
        ("reneme aade to x", "I don't know the command `reneme`. Did you mean `rename`? Try `/tasks help`.", "rename"),
        ("frobnicate", "I don't know the command `frobnicate`. Try `/tasks help`.", nil),
        ("pause", "Which task? Try `/tasks pause <task id>`.", nil),
        ("pause aade for 30 seconds", "A pause with a resume time must last at least 1 minute.", nil),
        (
            "pause aade for 31 days",
            "A pause with a resume time can last at most 30 days. Pause it without a time and resume it later.", nil
        ),
        (
            "pause aade until tomorrow",
            """
            I can't pause until `tomorrow`. Name a weekday and time such as `until Monday 9am`, or a length \
            such as `for 2h`.
            """,
            nil
        ),
        ("rename aade to", "What should the new title be? Try `/tasks rename <task> to New title`.", nil),
        (
            "timezone Mars/Olympus",
            """
            I don't know the time zone `Mars/Olympus`. Use an IANA name such as `America/New_York`, an \
            abbreviation such as `PT`, or a city such as `London`.
            """,
            nil
        ),
        ("confirm", "Which code? Type `/tasks confirm <code>` with the code from my message.", nil),
        (
            "move aade to every 45 minutes",
            """
            Cron can't run exactly every 45 minutes: minute steps restart at the top of each hour, so runs \
            would come 45 and then only 15 minutes apart. Nearest: every 30 minutes (`*/30 * * * *`) or \
            every hour (`0 * * * *`).
            """,
            "*/30 * * * *"
        ),
        (
            "move aade to 24:00",
            """
            `24:00` is not a valid time of day (midnight is `00:00` or `midnight`). Use a time like `9am`, \
            `2:30pm` or `17:45`.
            """,
            nil
        ),
        (
            "move aade to 31 april",
            "April 31 never happens, so the task would never run. Pick a day that exists, such as April 30.", nil
        ),
        (
            "move aade to the 30th of february",
            "February 30 never happens, so the task would never run. Pick a day that exists, such as February 28.", nil
        ),
        (
            "move aade to every 0 minutes", "An interval must be at least 1 minute; `every 0 minutes` would never run.",
            nil
        ),
        (
            "move aade to every 90 minutes",
            """
            Cron can't run exactly every 90 minutes: one cron has no 90-minute step. Nearest: every hour (`0 \
            * * * *`) or every 2 hours (`0 */2 * * *`).
            """,
            "0 * * * *"
        ),
        (
            "move aade to every other week",
            """
            Cron can't run every other week: it has no week-number field. Nearest: every week on a chosen \
            day, or days 1 and 15 of the month.
            """,
            nil
        ),
        (
            "move aade to in 2 hours",
            """
            `in 2 hours` is a one-off moment, but task schedules repeat. Name a recurring time instead, such \
            as `every 2 hours` or `daily at 9am`.
            """,
            nil
        ),
        (
            "move aade to 2026-12-24 09:00",
            """
            `2026-12-24` is a one-off date, but task schedules repeat. Name a recurring time instead, such \
            as `every Friday at 3pm`.
            """,
            nil
        ),
        (
            "move aade to the last day of the month",
            """
            Cron can't say “the last day of the month”: months end on different days and the tasks API's \
            cron has no `L`. Nearest: the 1st of the month, or the 28th.
            """,
            nil
        ),
        (
            "move aade to 9:30 and 17:00",
            """
            Those times have different minutes, which one cron can't combine. Pick times that share the \
            minute (such as 9:00 and 17:00) or set up two tasks.
            """,
            nil
        ),
        ("move aade to 0 25 * * *", "`25` is out of range for the hour field (0-23).", nil),
        (
            "move aade to whenever",
            """
            I can't read `whenever` in that schedule. Try something like `every weekday at 9am`, `every 15 \
            minutes` or a cron such as `0 9 * * 1-5`.
            """,
            nil
        ),
    ]

    @Test(
        "refuses huge numbers without overflowing",
        arguments: [
            "pause aade for 99999999999999999 weeks", "move aade to every 999999999999999999 hours",
            "move aade to every 99999999999999999999999999 minutes", "pause aade for 99999999999999w",
        ])
    func hugeNumbers(text: String) {
        guard case .failure(let error) = CommandParser.parse(text) else {
            Issue.record("`\(text)` must be refused")
            return
        }
        #expect(!error.message.isEmpty)
    }

    @Test("refuses with the exact sentence and suggestion", arguments: refused)
    func refuses(text: String, message: String, suggestion: String?) {
        #expect(CommandParser.parse(text) == .failure(CommandError(message, suggestion: suggestion)))
    }

    @Test(
        "B13: 12am, 12pm, 12:30am, midnight and noon",
        arguments: [
            ("every day at 12am", "0 0 * * *"), ("every day at 12pm", "0 12 * * *"),
            ("every day at 12:30am", "30 0 * * *"),
            ("every day at midnight", "0 0 * * *"), ("every day at noon", "0 12 * * *"),
        ])
    func b13(phrase: String, expected: String) throws {
        let command = try CommandParser.parse("set schedule of aade2bce to \(phrase)").get()
        let patch = try command.patch(currentCron: CommandParserTests.cron("0 9 * * 1")).get()
        #expect(patch.schedule == expected)
    }

    @Test("B11: move to Thursday 10am in New York gives next Thursday's run, never the past one")
    func b11() throws {
        let command = try CommandParser.parse("move task aade to Thursday 10am").get()
        let patch = try command.patch(
            currentCron: CommandParserTests.cron("0 9 * * 1"), currentZone: "America/New_York"
        ).get()
        #expect(patch == TaskPatch(schedule: "0 10 * * 4"))
        let now = try #require(ISO8601Instant.parse("2026-12-04T14:00:00Z"))
        let zone = try #require(TimeZoneFor.identifier("America/New_York"))
        let next = CommandParserTests.cron(patch.schedule ?? "").nextRuns(after: now, in: zone, count: 1)
        #expect(next.map(ISO8601Instant.format) == ["2026-12-10T15:00:00Z"])
    }

    @Test("the patch leaves out a schedule or zone that does not change")
    func patchOmitsUnchanged() throws {
        let command = try CommandParser.parse("move aade to monday 9am PT").get()
        let patch = try command.patch(
            currentCron: CommandParserTests.cron("0 9 * * 1"), currentZone: "America/Los_Angeles"
        ).get()
        #expect(patch.isEmpty)
        #expect(
            TaskPatch(schedule: "0 9 * * 1", enabled: false, title: "A \"b\"\n").json
                == #"{"schedule": "0 9 * * 1", "enabled": false, "title": "A \"b\"\n"}"#)
    }

    @Test("a relative edit without a current schedule fails with a sentence")
    func relativeNeedsCurrent() throws {
        let command = try CommandParser.parse("move aade to thursday").get()
        #expect(
            command.patch(currentCron: nil)
                == .failure(CommandError("I need the task's current schedule to change only its days or its time.")))
    }
}
