import Foundation

/// Reads the task a command names: a full UUID, an id prefix of 4 or more hex characters, a quoted
/// title, title words, or "it"/"that task" for the last task this user touched.
enum TaskReferenceReader {
    /// A reference and where the words after it start.
    struct Reading {
        var reference: TaskReference
        /// The first word after the reference.
        var next: Int
        /// The first word of the reference, after a leading "task".
        var first: Int
        /// True for unquoted title words, which end where the grammar says rather than at a closing quote.
        var isTitleWords: Bool
        /// When the reference's first word is an id or "it" and more words follow that the grammar does not
        /// expect: that shorter reading, which a verb taking a phrase right after the task may still prefer
        /// ("make task 12ab daily").
        var shaped: (reference: TaskReference, next: Int)?
    }

    /// Reads a reference starting at word `start` and ending before word `end` at the latest, its title
    /// words ending where `grammar` says. Nil when there is none.
    static func read(_ words: CommandWords, from start: Int, end: Int, grammar: ReferenceGrammar) -> Reading? {
        let list = words.words
        var index = start
        if index + 1 < end, list[index].key == "task" { index += 1 }
        guard index < end else { return nil }
        if list[index].opensQuote, let quoted = readQuoted(words, from: index) {
            guard !quoted.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return Reading(reference: classify(quoted.text), next: quoted.next, first: index, isTitleWords: false)
        }
        guard !grammar.refusesFirst(list[index].key) else { return nil }
        var shapedReading: (reference: TaskReference, next: Int)?
        if let shaped = shaped(words, at: index, end: end) {
            let isUUID = if case .id = shaped.reference.kind { true } else { false }
            if isUUID || grammar.ends(at: shaped.next, in: words, end: end) {
                return Reading(reference: shaped.reference, next: shaped.next, first: index, isTitleWords: false)
            }
            shapedReading = shaped
        }
        var stop = index + 1
        while !grammar.ends(at: stop, in: words, end: end) { stop += 1 }
        let title = titleText(words.original(from: index, to: stop))
        return Reading(
            reference: TaskReference(.title(title), typed: title), next: stop, first: index, isTitleWords: true,
            shaped: shapedReading)
    }

    /// An id, an id prefix, or "it"/"that"/"this" (with an optional "task" or "one") at word `index`.
    static func shaped(_ words: CommandWords, at index: Int, end: Int) -> (reference: TaskReference, next: Int)? {
        let key = words.words[index].key
        switch key {
        case "it", "that", "this":
            var next = index + 1
            if next < end, words.words[next].key == "task" || words.words[next].key == "one" { next += 1 }
            return (TaskReference(.lastTouched, typed: words.original(from: index, to: next)), next)
        default:
            if isUUID(key) { return (TaskReference(.id(key), typed: trimmedTyped(words, index)), index + 1) }
            if isHexPrefix(key) { return (TaskReference(.prefix(key), typed: trimmedTyped(words, index)), index + 1) }
            return nil
        }
    }

    /// Title words as typed, without the punctuation that ends the sentence ("pause Weekly digest!") and
    /// without emoji glued to either end, as word keys are read.
    private static func titleText(_ text: String) -> String {
        var title = Substring(text)
        while let last = title.last, titleEnders.contains(last) || CommandWords.isDecoration(last) {
            title.removeLast()
        }
        while let first = title.first, CommandWords.isDecoration(first) { title.removeFirst() }
        return title.isEmpty ? text : String(title)
    }

    private static let titleEnders: Set<Character> = [".", ",", "!", "?", ";", ":", "\u{2026}"]

    private static func trimmedTyped(_ words: CommandWords, _ index: Int) -> String {
        let raw = words.text[words.words[index].range]
        if raw.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || $0 == 45 }) { return String(raw) }
        return String(raw.filter { $0.isLetter || $0.isNumber || $0 == "-" })
    }

    /// The text between an opening quote at word `start` and its closing quote.
    private static func readQuoted(_ words: CommandWords, from start: Int) -> (text: String, next: Int)? {
        let list = words.words
        for end in start..<list.count {
            var raw = Substring(words.text[list[end].range])
            while let last = raw.last, ".,!?;:".contains(last) { raw.removeLast() }
            let closes = raw.count >= (end == start ? 2 : 1) && CommandWords.quotes.contains(raw.last!)
            if closes {
                let from = words.text.index(after: list[start].range.lowerBound)
                let to = words.text.index(before: raw.endIndex)
                return (String(words.text[from..<to]), end + 1)
            }
        }
        return nil
    }

    /// A quoted reference: an id or id prefix when it looks like one, else a title.
    static func classify(_ text: String) -> TaskReference {
        let key = text.lowercased()
        if isUUID(key) { return TaskReference(.id(key), typed: text) }
        if isHexPrefix(key) { return TaskReference(.prefix(key), typed: text) }
        return TaskReference(.title(text), typed: text)
    }

    /// `8-4-4-4-12` hex digits.
    static func isUUID(_ key: String) -> Bool {
        guard key.utf8.count == 36 else { return false }
        for (offset, byte) in key.utf8.enumerated() {
            let dash = offset == 8 || offset == 13 || offset == 18 || offset == 23
            if dash ? byte != 45 : !isHex(byte) { return false }
        }
        return true
    }

    /// Four or more hex characters, optionally with the dashes of a UUID's start.
    static func isHexPrefix(_ key: String) -> Bool {
        let bytes = key.utf8
        guard bytes.count <= 36 else { return false }
        var digits = 0
        for (offset, byte) in bytes.enumerated() {
            let dash = offset == 8 || offset == 13 || offset == 18 || offset == 23
            if dash ? byte != 45 : !isHex(byte) { return false }
            if !dash { digits += 1 }
        }
        return digits >= 4
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102)
    }
}
