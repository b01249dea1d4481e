import Commands
import Testing

/// Audit B2: a new title or prompt is the raw text after the keyword, trimmed of surrounding whitespace
/// (and one pair of outer quotes) only; emoji and symbols standing alone at either end stay.
@Suite("Verbatim titles and prompts")
struct VerbatimValueTests {
    private typealias P = ParsedCommand
    private static let aade = TaskReference(.prefix("aade"), typed: "aade")

    static let values: [(String, ParsedCommand)] = [
        ("rename aade to 🎵 Mood board 🎵", P(.rename, aade, TaskPatch(title: "🎵 Mood board 🎵"))),
        ("rename aade to Hot list 🔥", P(.rename, aade, TaskPatch(title: "Hot list 🔥"))),
        ("rename aade to ★ Stars", P(.rename, aade, TaskPatch(title: "★ Stars"))),
        ("rename aade to … and more", P(.rename, aade, TaskPatch(title: "… and more"))),
        ("rename aade to Top 10 …", P(.rename, aade, TaskPatch(title: "Top 10 …"))),
        ("rename aade to Top 10 ...", P(.rename, aade, TaskPatch(title: "Top 10 ..."))),
        ("rename aade to 🎵", P(.rename, aade, TaskPatch(title: "🎵"))),
        ("rename aade to Weekly digest 🙏 please", P(.rename, aade, TaskPatch(title: "Weekly digest 🙏 please"))),
        ("rename aade to Thank you", P(.rename, aade, TaskPatch(title: "Thank you"))),
        ("rename aade to   spaced   out  ", P(.rename, aade, TaskPatch(title: "spaced   out"))),
        ("rename aade to\u{00A0}Café ☕\u{00A0}", P(.rename, aade, TaskPatch(title: "Café ☕"))),
        ("rename aade to “🎵 Mood board”", P(.rename, aade, TaskPatch(title: "🎵 Mood board"))),
        ("rename aade to \"Top 10 …\"", P(.rename, aade, TaskPatch(title: "Top 10 …"))),
        ("set title of aade to — draft —", P(.rename, aade, TaskPatch(title: "— draft —"))),
        ("set aade title to ✨ New ✨", P(.rename, aade, TaskPatch(title: "✨ New ✨"))),
        (
            "set prompt of aade to 🎧 Find new tracks 🎧",
            P(.setPrompt, aade, TaskPatch(prompt: "🎧 Find new tracks 🎧"))
        ),
        (
            "set prompt of aade to List the top 5 → then why.",
            P(.setPrompt, aade, TaskPatch(prompt: "List the top 5 → then why."))
        ),
    ]

    @Test("keeps every character of a title or prompt after the keyword", arguments: values)
    func keepsEveryCharacter(text: String, expected: ParsedCommand) throws {
        try P.expect(text, parsesTo: expected)
    }

    @Test(
        "a keyword with only whitespace after it asks for the value",
        arguments: [
            ("rename aade to   ", "What should the new title be? Try `/tasks rename <task> to New title`."),
            (
                "set prompt of aade to ",
                "What should the new prompt be? Try `/tasks set prompt of <task> to <prompt>`."
            ),
        ])
    func emptyValue(text: String, message: String) {
        #expect(CommandParser.parse(text) == .failure(CommandError(message)))
    }
}
