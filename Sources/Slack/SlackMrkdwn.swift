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
        // 0xEE starts the UTF-8 form of the mention markers (U+E000, U+E001), which are rewritten too.
        let needsEscaping = text.utf8.contains {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0xEE
        }
        if !needsEscaping, text.utf16.count <= limit { return text }
        var whole = ""
        for character in text { whole += escaped(character) }
        guard whole.utf16.count > limit else { return whole }
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
