import ChatKit

/// Turns a slash command's text, as Slack delivers it, into the plain text a person typed.
///
/// Slack escapes the user's own `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;`; any unescaped `<…>` is a
/// control sequence (a link, a mention, a special). So control sequences are cut out first, each replaced
/// by what the person saw, and the three entities are unescaped afterwards, never the other way round.
/// Then what a person cannot see is undone: no-break and other Unicode spaces become plain spaces, zero-width
/// characters vanish, the ends are trimmed. Everything else stays as typed, so that a title or prompt keeps
/// its curly quotes, its runs of spaces and its line breaks; the command parser reads words and quotes of
/// either kind on its own.
public enum SlackText {
    /// Plain text for `text`; see the type's documentation for the steps.
    public static func normalise(_ text: String) -> String {
        var out = ""
        // Private-use characters mark mentions in the bot's own messages; typed text never carries them.
        // Both start with the byte 0xEE in UTF-8; without it there is nothing to filter, and the
        // character walk of `filter` is skipped.
        var rest = Substring(
            text.utf8.contains(0xEE) ? text.filter { $0 != Mention.open && $0 != Mention.close } : text)
        while let open = rest.firstIndex(of: "<") {
            out += unescape(rest[..<open])
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                // No closing bracket: not a control sequence, so the bracket is literal text.
                out += unescape(rest[open...])
                rest = rest[rest.endIndex...]
                break
            }
            out += unescape(Substring(controlSequence(rest[afterOpen..<close])))
            rest = rest[rest.index(after: close)...]
        }
        out += unescape(rest)
        return tidy(out)
    }

    /// What a person sees for the inside of one `<…>`: a link's label or address, `@name` for a user,
    /// `#name` for a channel, `@here` and friends for specials.
    static func controlSequence(_ inner: Substring) -> String {
        let bar = inner.firstIndex(of: "|")
        let target = inner[..<(bar ?? inner.endIndex)]
        let label = bar.map { inner[inner.index(after: $0)...] } ?? ""
        switch target.first {
        case "@":
            return label.isEmpty ? String(target) : prefixed("@", label)
        case "#":
            return label.isEmpty ? String(target) : prefixed("#", label)
        case "!":
            return special(target.dropFirst(), label: label)
        default:
            if !label.isEmpty { return String(label) }
            if target.hasPrefix("mailto:") { return String(target.dropFirst("mailto:".count)) }
            return String(target)
        }
    }

    /// `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S123|@team>`, `<!date^…|fallback>`.
    private static func special(_ name: Substring, label: Substring) -> String {
        if !label.isEmpty { return String(label) }
        if name.hasPrefix("subteam^") { return "@" + name.dropFirst("subteam^".count) }
        if let caret = name.firstIndex(of: "^") { return "@" + name[..<caret] }
        return "@" + name
    }

    private static func prefixed(_ sigil: Character, _ label: Substring) -> String {
        label.first == sigil ? String(label) : String(sigil) + label
    }

    /// Replaces `&amp;`, `&lt;` and `&gt;` in one left-to-right pass, so `&amp;lt;` becomes `&lt;`.
    static func unescape(_ text: Substring) -> String {
        // A byte test: `contains("&")` resolves to Foundation's substring search, far slower.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if tail.hasPrefix("&amp;") {
                out += "&"
                rest = tail.dropFirst(5)
            } else if tail.hasPrefix("&lt;") {
                out += "<"
                rest = tail.dropFirst(4)
            } else if tail.hasPrefix("&gt;") {
                out += ">"
                rest = tail.dropFirst(4)
            } else {
                out += "&"
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// Unicode spaces to plain spaces, zero-width characters removed, ends trimmed; line breaks, tabs and
    /// runs of spaces inside stay.
    static func tidy(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var trailingSpaces = 0
        for scalar in text.unicodeScalars {
            if isIgnorable(scalar) { continue }
            guard scalar.properties.isWhitespace else {
                out.append(scalar)
                trailingSpaces = 0
                continue
            }
            if out.isEmpty { continue }
            out.append(scalar.isASCII ? scalar : " ")
            trailingSpaces += 1
        }
        out.removeLast(trailingSpaces)
        return String(out)
    }

    /// Zero-width space, word joiner and byte-order mark: invisible, so a person never meant them. The
    /// zero-width joiners stay: they hold emoji sequences (👩‍💻) and some scripts' words together.
    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }
}
