/// Turns a schedule phrase into lower-case word tokens: curly quotes, quotes, emoji and trailing
/// punctuation removed, commas and "&" treated as "and", "tue-thu" split into a range.
enum PhraseTokens {
    static func tokenize(_ phrase: String) -> [String] {
        var cleaned = ""
        cleaned.reserveCapacity(phrase.utf8.count)
        for scalar in phrase.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\"", "'", "`", "\u{00B4}": continue
            case ",", ";", "&", "(", ")", "!", "?", "\u{2026}": cleaned.append(" ")
            case "\u{2013}", "\u{2014}": cleaned.append("-")
            default:
                if scalar.properties.isWhitespace {
                    cleaned.append(" ")
                } else if scalar.isASCII || scalar.properties.isAlphabetic {
                    cleaned.unicodeScalars.append(scalar)
                } else {
                    cleaned.append(" ")
                }
            }
        }
        var tokens: [String] = []
        for raw in cleaned.split(separator: " ") {
            var word = String(raw)
            if word == "a.m." || word == "a.m" { word = "am" }
            if word == "p.m." || word == "p.m" { word = "pm" }
            while word.count > 1, word.last == "." { word.removeLast() }
            if word.hasSuffix("a.m.") || word.hasSuffix("p.m.") {
                word = String(word.dropLast(4)) + (word.dropLast(3).last == "a" ? "am" : "pm")
            }
            guard !word.isEmpty, word != "." else { continue }
            tokens.append(contentsOf: splitRange(word))
        }
        return tokens
    }

    /// "tue-thu" becomes ["tue", "-", "thu"]; dates and numbers keep their dashes.
    private static func splitRange(_ word: String) -> [String] {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts.first, let last = parts.last,
            !first.isEmpty, !last.isEmpty, first.allSatisfy(\.isLetter) || last.allSatisfy(\.isLetter)
        else { return [word] }
        return [String(first), "-", String(last)]
    }

    /// True when `text` looks like a pasted 5-field cron or a cron macro.
    static func looksLikeCron(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("@") { return !trimmed.contains(" ") }
        let fields = trimmed.split(separator: " ")
        guard fields.count == 5 else { return false }
        let cronCharacters = Set("0123456789*,-/")
        return fields.prefix(2).allSatisfy { $0.allSatisfy { cronCharacters.contains($0) } }
            && fields.contains { $0.contains("*") || $0.contains(where: \.isASCIIDigit) }
    }
}
