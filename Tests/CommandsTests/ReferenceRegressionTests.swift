import Commands
import Schedule
import Testing

/// Audit B1 and B3: where a task reference ends. An id, an id prefix or "it" is the task only when the
/// verb's grammar follows it; otherwise it is the first of the title words, which run up to the keyword.
@Suite("Task references")
struct ReferenceRegressionTests {
    private typealias P = ParsedCommand

    static let uuid = "3f9c1e2a-1b2c-4d5e-8f90-1234567890ab"

    /// B1: title words that look like an id prefix or "it"/"that"/"this", or start with a field name.
    static let titleWords: [(String, ParsedCommand)] = [
        ("rename cafe playlist to Cafe Mix", P(.rename, P.title("cafe playlist"), TaskPatch(title: "Cafe Mix"))),
        ("rename 2026 tour to 2027 tour", P(.rename, P.title("2026 tour"), TaskPatch(title: "2027 tour"))),
        ("rename decade review to X", P(.rename, P.title("decade review"), TaskPatch(title: "X"))),
        ("rename Deaf Havana promo to X", P(.rename, P.title("Deaf Havana promo"), TaskPatch(title: "X"))),
        ("set prompt of cafe playlist to X", P(.setPrompt, P.title("cafe playlist"), TaskPatch(prompt: "X"))),
        ("rename It girl playlist to X", P(.rename, P.title("It girl playlist"), TaskPatch(title: "X"))),
        ("rename That new single to X", P(.rename, P.title("That new single"), TaskPatch(title: "X"))),
        (
            "rename This Week in Music to Weekly roundup",
            P(.rename, P.title("This Week in Music"), TaskPatch(title: "Weekly roundup"))
        ),
        ("rename task cafe playlist to X", P(.rename, P.title("cafe playlist"), TaskPatch(title: "X"))),
        ("rename that task force to X", P(.rename, P.title("that task force"), TaskPatch(title: "X"))),
        ("change Name that tune to friday", P(.move, P.title("Name that tune"), TaskPatch(schedule: "0 9 * * 5"))),
        (
            "set Prompt engineering digest to friday",
            P(.move, P.title("Prompt engineering digest"), TaskPatch(schedule: "0 9 * * 5"))
        ),
        ("set Title tracker to friday", P(.move, P.title("Title tracker"), TaskPatch(schedule: "0 9 * * 5"))),
        ("set Schedule review to friday", P(.move, P.title("Schedule review"), TaskPatch(schedule: "0 9 * * 5"))),
        ("set My playlist to friday", P(.move, P.title("My playlist"), TaskPatch(schedule: "0 9 * * 5"))),
        ("set Zone out mix to friday", P(.move, P.title("Zone out mix"), TaskPatch(schedule: "0 9 * * 5"))),
        ("set The Title Track to friday", P(.move, P.title("The Title Track"), TaskPatch(schedule: "0 9 * * 5"))),
        (
            "set Daily prompt ideas to friday",
            P(.move, P.title("Daily prompt ideas"), TaskPatch(schedule: "0 9 * * 5"))
        ),
        ("set Daily prompt ideas prompt to X", P(.setPrompt, P.title("Daily prompt ideas"), TaskPatch(prompt: "X"))),
        ("set cafe playlist prompt to X", P(.setPrompt, P.title("cafe playlist"), TaskPatch(prompt: "X"))),
        ("move cafe playlist to friday", P(.move, P.title("cafe playlist"), TaskPatch(schedule: "0 9 * * 5"))),
        ("move 2026 tour to 3pm", P(.move, P.title("2026 tour"), TaskPatch(schedule: "0 15 * * 1"))),
        ("move It girl playlist to friday", P(.move, P.title("It girl playlist"), TaskPatch(schedule: "0 9 * * 5"))),
        ("pause cafe playlist", P(.pause, P.title("cafe playlist"), TaskPatch(enabled: false))),
        (
            "pause cafe playlist for 2h",
            P(.pause, P.title("cafe playlist"), TaskPatch(enabled: false), snooze: .duration(seconds: 7200))
        ),
        ("pause it girl playlist", P(.pause, P.title("it girl playlist"), TaskPatch(enabled: false))),
        ("resume That new single", P(.resume, P.title("That new single"), TaskPatch(enabled: true))),
        ("show 2026 tour", P(.show, P.title("2026 tour"))),
        ("history of this week in music", P(.history, P.title("this week in music"))),
    ]

    @Test(
        "title words that look like an id or \"it\" or start with a field name stay title words", arguments: titleWords)
    func titleWordsStayTogether(text: String, expected: ParsedCommand) throws {
        try P.expect(text, parsesTo: expected)
    }

    /// B1: "the" and "of" are grammar words in "set the title of X to Y"; ids and "it" followed by the
    /// verb's keyword are still the task.
    static let grammarWords: [(String, ParsedCommand)] = [
        ("set the title of aade to X", P(.rename, P.ref(.prefix("aade"), "aade"), TaskPatch(title: "X"))),
        ("change the title of aade to X", P(.rename, P.ref(.prefix("aade"), "aade"), TaskPatch(title: "X"))),
        ("set the prompt of aade to X", P(.setPrompt, P.ref(.prefix("aade"), "aade"), TaskPatch(prompt: "X"))),
        (
            "set the schedule of aade to friday",
            P(.move, P.ref(.prefix("aade"), "aade"), TaskPatch(schedule: "0 9 * * 5"))
        ),
        (
            "set the timezone of aade to PT",
            P(.move, P.ref(.prefix("aade"), "aade"), TaskPatch(timezone: "America/Los_Angeles"))
        ),
        ("set the name of it to X", P(.rename, P.ref(.lastTouched, "it"), TaskPatch(title: "X"))),
        ("rename cafe to Cafe Mix", P(.rename, P.ref(.prefix("cafe"), "cafe"), TaskPatch(title: "Cafe Mix"))),
        (
            "rename aade to Back to school",
            P(.rename, P.ref(.prefix("aade"), "aade"), TaskPatch(title: "Back to school"))
        ),
        ("rename it to Back to school", P(.rename, P.ref(.lastTouched, "it"), TaskPatch(title: "Back to school"))),
        ("rename that one as X", P(.rename, P.ref(.lastTouched, "that one"), TaskPatch(title: "X"))),
        ("set title aade to X", P(.rename, P.ref(.prefix("aade"), "aade"), TaskPatch(title: "X"))),
        ("set prompt it to X", P(.setPrompt, P.ref(.lastTouched, "it"), TaskPatch(prompt: "X"))),
        ("set title that task to X", P(.rename, P.ref(.lastTouched, "that task"), TaskPatch(title: "X"))),
        ("set title “Weekly digest” to X", P(.rename, P.title("Weekly digest"), TaskPatch(title: "X"))),
        ("set aade prompt to X", P(.setPrompt, P.ref(.prefix("aade"), "aade"), TaskPatch(prompt: "X"))),
        ("set aade title to X", P(.rename, P.ref(.prefix("aade"), "aade"), TaskPatch(title: "X"))),
        (
            "set aade timezone PT",
            P(.move, P.ref(.prefix("aade"), "aade"), TaskPatch(timezone: "America/Los_Angeles"))
        ),
        (
            "set schedule aade every day at 9",
            P(.move, P.ref(.prefix("aade"), "aade"), TaskPatch(schedule: "0 9 * * *"))
        ),
        ("make task 12ab daily", P(.move, P.ref(.prefix("12ab"), "12ab"), TaskPatch(schedule: "0 9 * * *"))),
        ("run it daily at 8:30pm", P(.move, P.ref(.lastTouched, "it"), TaskPatch(schedule: "30 20 * * *"))),
        ("move cafe to friday", P(.move, P.ref(.prefix("cafe"), "cafe"), TaskPatch(schedule: "0 9 * * 5"))),
        (
            "pause cafe for 2h",
            P(.pause, P.ref(.prefix("cafe"), "cafe"), TaskPatch(enabled: false), snooze: .duration(seconds: 7200))
        ),
        ("pause that one", P(.pause, P.ref(.lastTouched, "that one"), TaskPatch(enabled: false))),
        ("pause this", P(.pause, P.ref(.lastTouched, "this"), TaskPatch(enabled: false))),
        ("show it please", P(.show, P.ref(.lastTouched, "it"))),
        ("set my time zone to PT", P(.timezone, nil, argument: "America/Los_Angeles")),
        ("set the timezone to PT", P(.timezone, nil, argument: "America/Los_Angeles")),
    ]

    @Test(
        "ids and \"it\" followed by the verb's keyword are the task; \"the\" and \"of\" are grammar",
        arguments: grammarWords)
    func grammarWordsAreNotTasks(text: String, expected: ParsedCommand) throws {
        try P.expect(text, parsesTo: expected)
    }

    /// A title that contains the keyword itself, written so that it is clear.
    static let quotedTitles: [(String, ParsedCommand)] = [
        (
            "rename \"Back to school\" to Fall promo",
            P(.rename, P.title("Back to school"), TaskPatch(title: "Fall promo"))
        ),
        (
            "rename Weekly digest to \"Back to school\"",
            P(.rename, P.title("Weekly digest"), TaskPatch(title: "Back to school"))
        ),
        (
            "rename Weekly digest to Same as before",
            P(.rename, P.title("Weekly digest"), TaskPatch(title: "Same as before"))
        ),
        (
            "set prompt of “Weekly digest” to Send it to the team",
            P(.setPrompt, P.title("Weekly digest"), TaskPatch(prompt: "Send it to the team"))
        ),
    ]

    @Test("a quoted title may contain the keyword", arguments: quotedTitles)
    func quotedTitleMayHoldKeyword(text: String, expected: ParsedCommand) throws {
        try P.expect(text, parsesTo: expected)
    }

    private static let renameUnclear =
        "Quote the title, as in `/tasks rename \"Back to school\" to New title`, or name the task by its id."
    private static let promptUnclear =
        "Quote the title, as in `/tasks set prompt of \"Back to school\" to New prompt`, or name the task by its id."

    /// Phrases with two readings, and commands with no task: a clear refusal, never a guess.
    static let refused: [(String, String)] = [
        ("rename Back to school to Fall promo", "I can't tell which `to` ends the task's title. " + renameUnclear),
        ("rename Weekly digest to Back to school", "I can't tell which `to` ends the task's title. " + renameUnclear),
        ("rename Weekly digest as Same as before", "I can't tell which `as` ends the task's title. " + renameUnclear),
        (
            "rename Weekly digest as Back to school",
            "I can't tell whether `as` or `to` ends the task's title. " + renameUnclear
        ),
        (
            "set prompt of Weekly digest to Send it to the team",
            "I can't tell which `to` ends the task's title. " + promptUnclear
        ),
        ("rename to X", "Which task? Try `/tasks rename <task id>`."),
        ("move to friday", "Which task? Try `/tasks move <task id>`."),
        ("rename cafe playlist", "What should the new title be? Try `/tasks rename <task> to New title`."),
        ("pause \(uuid) now", "I can't read `now` after `pause`. Try `/tasks help pause`."),
    ]

    @Test("refuses a reference it can't place with the exact sentence", arguments: refused)
    func refuses(text: String, message: String) {
        #expect(CommandParser.parse(text) == .failure(CommandError(message)))
    }

    /// A field name that starts title words before a phrase that is no schedule: the schedule reader's
    /// refusal, then how to change the field instead.
    static let fieldOrTitle: [(String, String, String)] = [
        ("set title Weekly digest to Monday digest", "Monday digest", "set title of"),
        ("set prompt Weekly digest to Summarise the week", "Summarise the week", "set prompt of"),
        ("set Title tracker to every 45 minutes", "every 45 minutes", "set title of"),
        ("set name Weekly digest to Monday digest", "Monday digest", "set title of"),
        ("set zone Weekly digest to Monday digest", "Monday digest", "set timezone of"),
    ]

    @Test("a field name starting title words before an unreadable phrase gets both readings", arguments: fieldOrTitle)
    func fieldOrTitleRefusal(text: String, phrase: String, form: String) throws {
        let refusal = try #require(P.scheduleRefusal(phrase))
        let field = String(text.split(separator: " ")[1]).lowercased()
        let hint = " If `\(field)` names the field to change, write `/tasks \(form) <task> to …`."
        #expect(
            CommandParser.parse(text)
                == .failure(CommandError(refusal.message + hint, suggestion: refusal.nearest?.normalized)))
    }

    /// An id followed by a refused schedule stays that task's refused schedule: the words before a
    /// phrase word ("at") are no title ("run task 12ab next friday at 3pm" is not task "12ab next friday").
    @Test(
        "an id before a refused phrase keeps the schedule reader's refusal",
        arguments: [
            ("run task 12ab next friday at 3pm", "next friday at 3pm"), ("make aade fortnightly", "fortnightly"),
            ("move cafe playlist on mondays", "playlist on mondays"),
        ])
    func idBeforeRefusedPhrase(text: String, phrase: String) throws {
        let refusal = try #require(P.scheduleRefusal(phrase))
        #expect(
            CommandParser.parse(text)
                == .failure(CommandError(refusal.message, suggestion: refusal.nearest?.normalized)))
    }

    /// B3: trailing politeness, punctuation and emoji end title words.
    static let politeEndings: [(String, ParsedCommand)] = [
        ("pause Weekly digest please", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("pause Weekly digest!", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("pause Weekly digest, thanks!", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("pause Weekly digest thank you.", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("pause Weekly digest 🙏", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("pause Weekly digest🙏", P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false))),
        ("resume Weekly digest... pls", P(.resume, P.title("Weekly digest"), TaskPatch(enabled: true))),
        ("show Weekly digest?", P(.show, P.title("Weekly digest"))),
        (
            "pause Weekly digest for 2h please",
            P(.pause, P.title("Weekly digest"), TaskPatch(enabled: false), snooze: .duration(seconds: 7200))
        ),
        ("move Weekly digest to friday please", P(.move, P.title("Weekly digest"), TaskPatch(schedule: "0 9 * * 5"))),
        ("pause Weekly sync: genre + mood", P(.pause, P.title("Weekly sync: genre + mood"), TaskPatch(enabled: false))),
    ]

    @Test("title references end before trailing politeness and punctuation", arguments: politeEndings)
    func politeEndingsAreDropped(text: String, expected: ParsedCommand) throws {
        try P.expect(text, parsesTo: expected)
    }
}
