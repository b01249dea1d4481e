/// The words of a command with their places in the original text, so that titles and prompts can be
/// cut out verbatim while verbs and references are matched in a normalised lower-case form.
struct CommandWords {
    /// One whitespace-separated word.
    struct Word {
        /// Lower-case, curly quotes made straight, outer quotes and trailing punctuation removed.
        let key: String
        /// Where the word sits in the original text.
        let range: Range<String.Index>
        /// True when the word starts with a quote character.
        let opensQuote: Bool
    }

    static let quotes: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "`"]
    private static let trailing: Set<Character> = [".", ",", "!", "?", ";", ":", "\u{2026}"]

    let text: String
    let words: [Word]

    init(_ text: String) {
        self.text = text
        var words: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard !text[index].isWhitespace else {
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            let raw = text[index..<end]
            words.append(Word(key: CommandWords.key(raw), range: index..<end, opensQuote: CommandWords.quotes.contains(raw.first!)))
            index = end
        }
        self.words = words.filter { !$0.key.isEmpty || $0.opensQuote }
    }

    static func key(_ raw: Substring) -> String {
        var characters = Substring(raw)
        while let last = characters.last, trailing.contains(last) || quotes.contains(last) || isDecoration(last) {
            characters.removeLast()
        }
        while let first = characters.first, quotes.contains(first) || isDecoration(first) { characters.removeFirst() }
        return characters.lowercased()
    }

    /// Emoji and other symbols that carry no meaning in a command.
    static func isDecoration(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isEmojiPresentation || scalar.properties.isEmoji && !scalar.isASCII
                || scalar.properties.generalCategory == .otherSymbol || scalar.value == 0xFE0F || scalar.value == 0x200D
        }
    }

    /// The original text from word `start` to the end (or to word `end`, exclusive), untouched.
    func original(from start: Int, to end: Int? = nil) -> String {
        let stop = end ?? words.count
        guard start < stop, start < words.count else { return "" }
        return String(text[words[start].range.lowerBound..<words[stop - 1].range.upperBound])
    }

    /// `text` without one pair of outer quotes, straight or curly.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, let last = text.last, quotes.contains(first),
            quotes.contains(last)
        else { return text }
        return String(text.dropFirst().dropLast())
    }
}
