/// A reference to a platform user inside a message's plain text. Renderers turn the marker into the
/// platform's mention syntax (`<@U123>` on Slack) after escaping the surrounding text, so user-typed
/// text can never forge a mention. The markers are private-use code points that inbound text
/// normalisation removes.
public enum Mention {
    /// The marker characters around a user id.
    public static let open: Character = "\u{E000}"
    public static let close: Character = "\u{E001}"

    /// The marker for `userID` to embed in message text.
    public static func of(_ userID: String) -> String { "\(open)\(userID)\(close)" }

    /// Replaces every marker in `text` with what `render` makes of its user id.
    public static func replace(in text: String, _ render: (String) -> String) -> String {
        guard text.contains(open) else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: open) {
            out += rest[..<start]
            let afterOpen = rest.index(after: start)
            guard let end = rest[afterOpen...].firstIndex(of: close) else {
                rest = rest[afterOpen...]
                continue
            }
            out += render(String(rest[afterOpen..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// `text` with markers shown as `@user` and any stray marker characters removed.
    public static func plain(_ text: String) -> String {
        replace(in: text) { "@\($0)" }.filter { $0 != open && $0 != close }
    }
}
