import ChatKit

/// Escaping and length limits for text that goes into Slack messages.
///
/// Slack reads `&`, `<` and `>` as markup, so every user-derived span is escaped on its own, before the
/// renderer adds its own markup around it; nothing else is HTML-encoded (Slack would show `&#39;` as is).
/// Lengths are counted in UTF-16 code units, which is never less than what Slack counts.
enum SlackMrkdwn {
    /// The ellipsis that marks a cut.
    static let ellipsis = "…"

    /// `text` with `&`, `<` and `>` escaped.
    static func escape(_ text: String) -> String {
        escape(text, limit: .max)
    }

    /// `text` escaped and, when the escaped form is longer than `limit`, cut at a character boundary (never
    /// inside an entity) and ended with "…" so that the result fits in `limit`.
    static func escape(_ text: String, limit: Int) -> String {
        let whole: String
        switch scan(text) {
        case .unchanged(let length):
            if length <= limit { return text }
            whole = text
        case .escaped(let escaped, let length):
            if length <= limit { return escaped }
            whole = escaped
        case .needsCharacters:
            whole = escapedByCharacters(text)
            guard whole.utf16.count > limit else { return whole }
        }
        var out = ""
        var used = 0
        let budget = limit - ellipsis.utf16.count
        for character in text {
            let piece = escaped(character)
            used += piece.utf16.count
            if used > budget { break }
            out += piece
        }
        return out + ellipsis
    }

    /// `text` with every character rewritten by `escaped(_:)`: the reference behaviour, which walks
    /// grapheme clusters and so costs far more than `scan(_:)`.
    private static func escapedByCharacters(_ text: String) -> String {
        var out = ""
        for character in text { out += escaped(character) }
        return out
    }

    /// What one pass over the UTF-8 bytes of a text found; lengths are in UTF-16 code units.
    private enum Scan {
        /// Nothing to rewrite.
        case unchanged(length: Int)
        /// The text as `escapedByCharacters(_:)` rewrites it.
        case escaped(String, length: Int)
        /// A character to rewrite touches non-ASCII text: only the character walk can tell what it is.
        case needsCharacters
    }

    /// The result of `escapedByCharacters(_:)`, and its UTF-16 length, from one pass over the UTF-8 bytes.
    ///
    /// `escaped(_:)` rewrites only characters that are one of `&`, `<`, `>` or a mention marker on their own;
    /// a combining mark after `<`, say, makes a different character that passes as is. A marker whose
    /// neighbours are ASCII bytes (or the ends of the text) is always a character on its own, as no ASCII
    /// scalar joins a grapheme cluster with its neighbour except CR LF. When a marker touches a non-ASCII
    /// byte the answer is `.needsCharacters`. Long help and preview texts are escaped on every
    /// acknowledgement, where the grapheme walk (and String's UTF-16 counting) cost more than all the rest.
    private static func scan(_ text: String) -> Scan {
        var text = text
        return text.withUTF8 { bytes -> Scan in
            var out: [UInt8] = []
            var copied = 0
            var added = 0
            var index = 0
            while let lead = bytes[index...].firstIndex(where: isRewriteLead) {
                guard let rewrite = rewrites.first(where: { bytes[lead...].starts(with: $0.bytes) }) else {
                    index = lead + 1
                    continue
                }
                let end = lead + rewrite.bytes.count
                let standsAlone = (lead == 0 || bytes[lead - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80)
                guard standsAlone else { return .needsCharacters }
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<lead]))
                out.append(contentsOf: rewrite.replacement)
                // Each marker is a single UTF-16 unit, and each replacement is ASCII.
                added += rewrite.replacement.count - 1
                copied = end
                index = end
            }
            let length = utf16Length(bytes) + added
            guard copied > 0 else { return .unchanged(length: length) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return .escaped(String(decoding: out, as: UTF8.self), length: length)
        }
    }

    /// The UTF-16 length of valid UTF-8: one unit per scalar, two for those beyond the BMP (4-byte forms).
    private static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { length += 1 }
            if byte >= 0xF0 { length += 1 }
        }
        return length
    }

    /// The characters `escaped(_:)` rewrites, as UTF-8 bytes, with the bytes they become.
    private static let rewrites: [(bytes: [UInt8], replacement: [UInt8])] =
        ["&", "<", ">", Mention.open, Mention.close].map { (Array(String($0).utf8), Array(escaped($0).utf8)) }

    /// Whether `byte` can start one of `rewrites`: `&`, `<`, `>`, or 0xEE, which starts the mention markers
    /// (U+E000, U+E001).
    private static func isRewriteLead(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 0xEE
    }

    private static func escaped(_ character: Character) -> String {
        switch character {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        // The conversation's user mentions become Slack's `<@U123>` only here, after escaping, so text a
        // user typed can never forge one (inbound normalisation strips the marker characters).
        case Mention.open: "<@"
        case Mention.close: ">"
        default: String(character)
        }
    }

    /// `text` cut to `limit` UTF-16 units with "…", for plain strings that carry no markup.
    static func truncate(_ text: String, limit: Int) -> String {
        let text = Mention.plain(text)
        guard text.utf16.count > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > limit - ellipsis.utf16.count { break }
            out.append(character)
            used += size
        }
        return out + ellipsis
    }
}
