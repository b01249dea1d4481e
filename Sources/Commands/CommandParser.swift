import Schedule

/// Reads the text after the slash command into a `Command`, or an error with the sentence a user
/// reads. Rule-based and pure: no I/O, no clock. Tolerates politeness, curly quotes, emoji and
/// trailing punctuation; keeps titles and prompts verbatim.
public enum CommandParser {
    /// Verb words and their synonyms, as typed first in a command.
    static let verbWords: [String: Verb] = [
        "pause": .pause, "stop": .pause, "disable": .pause, "suspend": .pause, "snooze": .pause, "halt": .pause,
        "resume": .resume, "start": .resume, "enable": .resume, "unpause": .resume, "unsuspend": .resume,
        "continue": .resume, "move": .move, "reschedule": .move, "rename": .rename, "show": .show,
        "status": .show, "info": .show, "details": .show, "describe": .show, "list": .list, "ls": .list,
        "help": .help, "undo": .undo, "revert": .undo, "history": .history, "log": .history,
        "timezone": .timezone, "tz": .timezone, "zone": .timezone, "confirm": .confirm, "cancel": .cancel,
        "set-prompt": .setPrompt, "prompt": .setPrompt,
    ]
    /// Verbs that take a schedule phrase, or a field name, after the task.
    static let editWords: Set<String> = ["set", "change", "make", "schedule", "run", "update", "edit"]
    private static let suggestionWords = [
        "pause", "resume", "move", "reschedule", "rename", "set", "show", "status", "list", "help", "undo",
        "history", "timezone", "confirm", "cancel", "stop", "start", "enable", "disable", "change", "schedule",
    ]
    private static let leadingPoliteness: [[String]] = [
        ["could", "you", "please"], ["can", "you", "please"], ["would", "you", "please"], ["could", "you"],
        ["can", "you"], ["would", "you"], ["will", "you"], ["can", "u"], ["please"], ["pls"], ["plz"], ["kindly"],
        ["hey"], ["hi"], ["hello"], ["ok"], ["okay"], ["yo"], ["bot"], ["taskbot"], ["@taskbot"], ["/tasks"],
        ["/task"],
    ]
    private static let politenessStarts = Set(leadingPoliteness.map { $0[0] })
    static let trailingPoliteness: Set<String> = ["please", "pls", "plz", "thanks", "thx", "ty", "thank", "you", ""]

    /// The longest command read, in UTF-8 bytes (Slack caps slash-command text well below this).
    public static let maximumBytes = 8000

    /// Parses `text`; an empty text is the `help` verb.
    public static func parse(_ text: String) -> Result<Command, CommandError> {
        do throws(CommandError) {
            return .success(try parseThrowing(text))
        } catch {
            return .failure(error)
        }
    }

    private static func parseThrowing(_ text: String) throws(CommandError) -> Command {
        guard text.utf8.count <= maximumBytes else {
            throw CommandError("That command is too long; keep it under \(maximumBytes / 1000),000 bytes.")
        }
        let words = CommandWords(text)
        var start = skipPoliteness(words)
        while start < words.words.count, words.words[start].key.isEmpty { start += 1 }
        guard start < words.words.count else { return Command(verb: .help) }
        let key = words.words[start].key
        var reader = CommandReader(words: words, index: start + 1)
        if let verb = verbWords[key] { return try reader.read(verb) }
        if editWords.contains(key) { return try reader.readEdit(verbWord: key) }
        throw unknownVerb(words.original(from: start, to: start + 1), key: key)
    }

    private static func skipPoliteness(_ words: CommandWords) -> Int {
        var index = 0
        var matched = true
        while matched, index < words.words.count, politenessStarts.contains(words.words[index].key) {
            matched = false
            for phrase in leadingPoliteness where index + phrase.count <= words.words.count {
                if zip(words.words[index...], phrase).allSatisfy({ $0.key == $1 }) {
                    index += phrase.count
                    matched = true
                    break
                }
            }
        }
        return index
    }

    private static func unknownVerb(_ typed: String, key: String) -> CommandError {
        let shown = typed.count > 40 ? String(typed.prefix(40)) + "…" : typed
        let limit = key.count <= 4 ? 1 : 2
        if let nearest = onlyCompletion(of: key) ?? EditDistance.nearest(to: key, in: suggestionWords, limit: limit) {
            return CommandError(
                "I don't know the command `\(shown)`. Did you mean `\(nearest)`? Try `/tasks help`.",
                suggestion: nearest)
        }
        return CommandError("I don't know the command `\(shown)`. Try `/tasks help`.")
    }

    /// Every word that starts a command, for completing a cut-off one.
    private static let commandWords = Array(verbWords.keys) + Array(editWords)

    /// The one command word that `key` (3 or more characters) is the start of: `hist` is `history` even
    /// though `list` is one letter away. Nil when none or several are.
    static func onlyCompletion(of key: String) -> String? {
        guard key.utf8.count >= 3 else { return nil }
        var found: String?
        for word in commandWords where word.hasPrefix(key) {
            guard found == nil else { return nil }
            found = word
        }
        return found
    }
}
