import Foundation
import Schedule

/// Reads the words after the verb, one verb at a time.
struct CommandReader {
    let words: CommandWords
    var index: Int
    /// The end of the meaningful words: trailing "please", "thanks" and emoji dropped.
    let end: Int

    init(words: CommandWords, index: Int) {
        self.words = words
        self.index = index
        var end = words.words.count
        while end > index, CommandParser.trailingPoliteness.contains(words.words[end - 1].key) { end -= 1 }
        if end > 0, end < words.words.count, words.words[end - 1].key == "thank" { end -= 1 }
        self.end = end
    }

    func key(_ offset: Int = 0) -> String? {
        let position = index + offset
        return position < end ? words.words[position].key : nil
    }

    mutating func skip(_ keys: Set<String>) {
        while let current = key(), keys.contains(current) { index += 1 }
    }

    var rest: String { words.original(from: index, to: end) }

    /// The text after the last word read, to the very end of the command (politeness, emoji and symbols
    /// included), trimmed of surrounding whitespace and one pair of outer quotes: a title or prompt verbatim.
    var verbatimRest: String {
        let text = words.text
        var lower = index > 0 ? words.words[index - 1].range.upperBound : text.startIndex
        var upper = text.endIndex
        while lower < upper, CommandWords.isSpace(text[lower]) { lower = text.index(after: lower) }
        while lower < upper, CommandWords.isSpace(text[text.index(before: upper)]) { upper = text.index(before: upper) }
        return CommandWords.unquoted(String(text[lower..<upper]))
    }

    /// The task named at the current word, its title words ending where `grammar` says.
    mutating func reference(_ grammar: ReferenceGrammar, verb: String) throws(CommandError) -> TaskReference {
        let reading = try reading(grammar, verb: verb)
        index = reading.next
        return reading.reference
    }

    /// Like `reference`, but leaves `index` alone and returns every reading, for verbs that choose between them.
    func reading(_ grammar: ReferenceGrammar, verb: String) throws(CommandError) -> TaskReferenceReader.Reading {
        guard index < end, let reading = TaskReferenceReader.read(words, from: index, end: end, grammar: grammar)
        else {
            throw CommandError("Which task? Try `/tasks \(verb) <task id>`.")
        }
        return reading
    }

    func leftover(after verb: String) -> CommandError {
        CommandError("I can't read `\(rest)` after `\(verb)`. Try `/tasks help \(verb)`.")
    }

    mutating func read(_ verb: Verb) throws(CommandError) -> Command {
        switch verb {
        case .pause: return try readPause()
        case .resume: return try readResume()
        case .move: return try readMove(verbWord: "move")
        case .rename: return try readRename()
        case .setPrompt:
            skip(["of", "for"])
            return try readPrompt()
        case .show, .history:
            skip(["of", "for", "on"])
            let reference = try reference(.alone, verb: verb.rawValue)
            return Command(verb: verb, task: reference)
        case .list: return try readList()
        case .help:
            let topic = words.words[index..<end].map(\.key).joined(separator: " ")
            return Command(verb: .help, argument: topic.isEmpty ? nil : topic)
        case .undo:
            skip(["that", "it", "last", "change", "the"])
            guard index == end else { throw leftover(after: "undo") }
            return Command(verb: .undo)
        case .timezone: return try readUserZone()
        case .confirm, .cancel:
            guard let code = key(), !code.isEmpty, index + 1 == end else {
                throw CommandError("Which code? Type `/tasks \(verb.rawValue) <code>` with the code from my message.")
            }
            let typed = words.original(from: index, to: index + 1).filter { $0.isLetter || $0.isNumber || $0 == "-" }
            return Command(verb: verb, argument: typed)
        }
    }

    private mutating func readList() throws(CommandError) -> Command {
        skip(["tasks", "all", "my", "the"])
        if key() == "page" { index += 1 }
        guard let page = key() else { return Command(verb: .list) }
        guard let number = Int(page), number >= 1, index + 1 == end else { throw leftover(after: "list") }
        return Command(verb: .list, argument: String(number))
    }

    private mutating func readUserZone() throws(CommandError) -> Command {
        skip(["to", "is", "="])
        let name = rest
        guard !name.isEmpty else { return Command(verb: .timezone) }
        return Command(verb: .timezone, argument: try CommandReader.zone(name))
    }

    static func zone(_ name: String) throws(CommandError) -> String {
        let cleaned = CommandWords.unquoted(name).trimmingCharacters(in: .whitespaces)
        guard let zone = TimeZoneNames.resolve(cleaned) else {
            throw CommandError(
                "I don't know the time zone `\(cleaned)`. Use an IANA name such as `America/New_York`, "
                    + "an abbreviation such as `PT`, or a city such as `London`.")
        }
        return zone
    }
}
