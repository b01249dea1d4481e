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
        words.reserveCapacity(16)
        if text.utf8.allSatisfy({ $0 < 128 }) {
            CommandWords.splitASCII(text, into: &words)
        } else {
            CommandWords.splitUnicode(text, into: &words)
        }
        self.words = words
    }

    /// Splits plain ASCII text on its bytes; UTF-8 offsets are valid string indices here.
    private static func splitASCII(_ text: String, into words: inout [Word]) {
        var storage = text
        let view = text.utf8
        storage.withUTF8 { buffer in
            let base = view.startIndex
            var offset = 0
            while offset < buffer.count {
                guard !isSpaceByte(buffer[offset]) else {
                    offset += 1
                    continue
                }
                var end = offset
                while end < buffer.count, !isSpaceByte(buffer[end]) { end += 1 }
                let key = asciiKey(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
                let first = buffer[offset]
                if !key.isEmpty || isQuote(first) {
                    let lower = view.index(base, offsetBy: offset)
                    let upper = view.index(base, offsetBy: end)
                    words.append(Word(key: key, range: lower..<upper, opensQuote: isQuote(first)))
                }
                offset = end
            }
        }
    }

    @inline(__always)
    private static func isSpaceByte(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    private static func splitUnicode(_ text: String, into words: inout [Word]) {
        var index = text.startIndex
        while index < text.endIndex {
            guard !CommandWords.isSpace(text[index]) else {
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, !CommandWords.isSpace(text[end]) { end = text.index(after: end) }
            let raw = text[index..<end]
            let word = Word(key: key(raw), range: index..<end, opensQuote: quotes.contains(raw.first!))
            if !word.key.isEmpty || word.opensQuote { words.append(word) }
            index = end
        }
    }

    @inline(__always)
    static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 32 || (ascii >= 9 && ascii <= 13) }
        return character.isWhitespace
    }

    static func key(_ raw: Substring) -> String {
        if raw.utf8.allSatisfy({ $0 < 128 }) { return asciiKey(raw) }
        var characters = Substring(raw)
        while let last = characters.last, trailing.contains(last) || quotes.contains(last) || isDecoration(last) {
            characters.removeLast()
        }
        while let first = characters.first, quotes.contains(first) || isDecoration(first) { characters.removeFirst() }
        return characters.lowercased()
    }

    /// `key` for plain ASCII words, on bytes.
    private static func asciiKey(_ raw: Substring) -> String {
        var text = String(raw)
        return text.withUTF8 { asciiKey($0) }
    }

    /// Lower-cases the word's bytes without its outer quotes and trailing punctuation, in one pass.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var end = bytes.count
        var start = 0
        while end > start, isTrailing(bytes[end - 1]) { end -= 1 }
        while start < end, isQuote(bytes[start]) { start += 1 }
        return String(unsafeUninitializedCapacity: end - start) { output in
            for offset in start..<end {
                let byte = bytes[offset]
                output[offset - start] = byte >= 65 && byte <= 90 ? byte + 32 : byte
            }
            return end - start
        }
    }

    @inline(__always)
    private static func isQuote(_ byte: UInt8) -> Bool { byte == 34 || byte == 39 || byte == 96 }

    @inline(__always)
    private static func isTrailing(_ byte: UInt8) -> Bool {
        isQuote(byte) || byte == 46 || byte == 44 || byte == 33 || byte == 63 || byte == 59 || byte == 58
    }

    /// Emoji and other symbols that carry no meaning in a command.
    static func isDecoration(_ character: Character) -> Bool {
        if character.isASCII { return false }
        return character.unicodeScalars.allSatisfy { scalar in
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
        guard !text.isEmpty, text.index(after: text.startIndex) < text.endIndex, let first = text.first,
            let last = text.last, quotes.contains(first),
            quotes.contains(last)
        else { return text }
        return String(text.dropFirst().dropLast())
    }
}
