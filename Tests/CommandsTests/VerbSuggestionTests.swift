import Commands
import Testing

/// Audit D8: an unknown first word that starts exactly one command word is taken as that word cut off,
/// before edit distance; otherwise the nearest word by edit distance, as before.
@Suite("Did-you-mean for unknown commands")
struct VerbSuggestionTests {
    static let suggestions: [(String, String?)] = [
        ("hist aade", "history"), ("histo aade", "history"), ("resch aade to friday", "reschedule"),
        ("unpau aade", "unpause"), ("sched aade friday", "schedule"), ("tim PT", "timezone"),
        ("conf K7Q2", "confirm"), ("canc K7Q2", "cancel"), ("ren aade to X", "rename"), ("sus aade", "suspend"),
        ("desc aade", "describe"), ("pasue aade", "pause"), ("reneme aade to x", "rename"),
        ("sta aade", nil), ("con K7Q2", nil), ("re aade", nil), ("frobnicate", nil),
    ]

    @Test("suggests the one command a cut-off word starts, else the nearest", arguments: suggestions)
    func suggests(text: String, expected: String?) {
        let typed = String(text.split(separator: " ")[0])
        let message =
            expected.map { "I don't know the command `\(typed)`. Did you mean `\($0)`? Try `/tasks help`." }
            ?? "I don't know the command `\(typed)`. Try `/tasks help`."
        #expect(CommandParser.parse(text) == .failure(CommandError(message, suggestion: expected)))
    }
}
