/// Turns a schedule phrase into lower-case word tokens: curly quotes, quotes, emoji and trailing
/// punctuation removed, commas and "&" treated as "and", "tue-thu" split into a range. Works on
/// UTF-8 bytes with a fast path for ASCII, since it runs for every command.
enum PhraseTokens {
    static func tokenize(_ phrase: String) -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(12)
        var word: [UInt8] = []
        word.reserveCapacity(16)
        func flush() {
            if !word.isEmpty { appendWord(word, to: &tokens) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in phrase.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case 65...90: word.append(byte + 32)
                case 34, 39, 96: continue
                case 9...13, 32, 44, 59, 38, 40, 41, 33, 63: flush()
                default: word.append(byte)
                }
                continue
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{00B4}": continue
            case "\u{2013}", "\u{2014}": word.append(45)
            default:
                if scalar.properties.isAlphabetic {
                    word.append(contentsOf: String(Character(scalar)).lowercased().utf8)
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    private static func appendWord(_ bytes: [UInt8], to tokens: inout [String]) {
        var end = bytes.count
        while end > 1, bytes[end - 1] == 46 { end -= 1 }
        var word = String(decoding: bytes[..<end], as: UTF8.self)
        switch word {
        case "a.m", "a.m.": word = "am"
        case "p.m", "p.m.": word = "pm"
        case ".": return
        default:
            if word.hasSuffix("a.m") || word.hasSuffix("p.m") {
                word = String(word.dropLast(3)) + (word.dropLast(2).last == "a" ? "am" : "pm")
            }
        }
        if let dash = bytes[..<end].firstIndex(of: 45), dash > 0, dash < end - 1,
            !bytes[(dash + 1)..<end].contains(45),
            bytes[..<dash].allSatisfy(isLetter) || bytes[(dash + 1)..<end].allSatisfy(isLetter)
        {
            tokens.append(String(decoding: bytes[..<dash], as: UTF8.self))
            tokens.append("-")
            tokens.append(String(decoding: bytes[(dash + 1)..<end], as: UTF8.self))
            return
        }
        tokens.append(word)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || byte >= 128 }

    /// True when `tokens` look like a pasted 5-field cron or a cron macro.
    static func looksLikeCron(_ tokens: ArraySlice<String>) -> Bool {
        if tokens.count == 1, let only = tokens.first, only.hasPrefix("@") { return true }
        guard tokens.count == 5 else { return false }
        let isCronByte: (UInt8) -> Bool = { ($0 >= 48 && $0 <= 57) || $0 == 42 || $0 == 44 || $0 == 45 || $0 == 47 }
        return tokens.prefix(2).allSatisfy { $0.utf8.allSatisfy(isCronByte) }
            && tokens.contains { $0.utf8.contains(42) || $0.utf8.contains { $0 >= 48 && $0 <= 57 } }
    }
}
