import Foundation

/// Reads the task a command names: a full UUID, an id prefix of 4 or more hex characters, a quoted
/// title, title words, or "it"/"that task" for the last task this user touched.
enum TaskReferenceReader {
    /// Reads a reference starting at word `start`, stopping title words at any key in `stops`.
    /// Returns the reference and the index of the first word after it, or nil when there is none.
    static func read(_ words: CommandWords, from start: Int, stops: Set<String>) -> (TaskReference, Int)? {
        var index = start
        let list = words.words
        if index < list.count, list[index].key == "task", index + 1 < list.count { index += 1 }
        guard index < list.count else { return nil }
        if list[index].opensQuote, let quoted = readQuoted(words, from: index) {
            guard !quoted.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return (classify(quoted.text), quoted.next)
        }
        let key = list[index].key
        if ["it", "that", "this"].contains(key) {
            var next = index + 1
            if next < list.count, ["task", "one"].contains(list[next].key) { next += 1 }
            return (TaskReference(.lastTouched, typed: words.original(from: index, to: next)), next)
        }
        if isUUID(key) || isHexPrefix(key) {
            let typed = trimmedTyped(words, index)
            return (TaskReference(isUUID(key) ? .id(key) : .prefix(key), typed: typed), index + 1)
        }
        var end = index
        while end < list.count, !stops.contains(list[end].key) { end += 1 }
        guard end > index else { return nil }
        let title = words.original(from: index, to: end)
        return (TaskReference(.title(title), typed: title), end)
    }

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
