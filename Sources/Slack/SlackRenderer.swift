import ChatKit

/// Renders a platform-neutral `ChatMessage` as Slack Block Kit JSON text.
///
/// Layout: a section with the bold title and the lines, sections with the rows (`*label*: before → after`),
/// context blocks with the notes, and actions blocks with the buttons. Every user-derived string is escaped
/// on its own and cut to Slack's limits with "…"; the block count never passes Slack's 50.
public struct SlackRenderer: Sendable {
    /// Longest `text` of a section, in characters (Slack: 3000).
    public static let sectionTextLimit = 3000
    /// Most blocks in one message (Slack: 50).
    public static let blockLimit = 50
    /// Longest button label (Slack: 75).
    public static let buttonTextLimit = 75
    /// Most elements in one actions block (Slack: 25).
    public static let buttonsPerBlock = 25
    /// Most elements in one context block (Slack: 10).
    public static let notesPerBlock = 10
    /// Longest top-level notification text this renderer writes.
    public static let fallbackTextLimit = 3000

    private let makeBlockIDPrefix: @Sendable () -> String

    /// - Parameter blockIDPrefix: makes a fresh prefix for each rendered message, so that its actions blocks
    ///   get ids never seen before (Slack asks for a new `block_id` when a message is replaced). Tests pin it.
    public init(blockIDPrefix: @escaping @Sendable () -> String = SlackRenderer.randomPrefix) {
        self.makeBlockIDPrefix = blockIDPrefix
    }

    /// A random prefix such as `tb-3f9a0c1d`.
    public static let randomPrefix: @Sendable () -> String = {
        "tb-" + String(UInt32.random(in: .min ... .max), radix: 16)
    }

    /// The body of the immediate HTTP answer to a command or click: `response_type`, `text`, `blocks`.
    public func responseBody(_ message: ChatMessage) -> String {
        JSONValue.object([responseType(message)] + content(message)).text
    }

    /// The body POSTed to a `response_url`: as `responseBody(_:)` plus `replace_original`.
    public func responseURLBody(_ message: ChatMessage) -> String {
        let replace = JSONValue.Member("replace_original", .bool(message.replacesOriginal))
        return JSONValue.object([responseType(message), replace] + content(message)).text
    }

    /// The body of a `chat.postMessage` call to `channel`.
    public func postMessageBody(_ message: ChatMessage, channel: String) -> String {
        JSONValue.object([JSONValue.Member("channel", .string(channel))] + content(message)).text
    }

    private func responseType(_ message: ChatMessage) -> JSONValue.Member {
        .init("response_type", .string(message.visibility == .channel ? "in_channel" : "ephemeral"))
    }

    private func content(_ message: ChatMessage) -> [JSONValue.Member] {
        [.init("text", .string(fallbackText(message))), .init("blocks", .array(blocks(message)))]
    }

    /// The notification text: the title, or the first line when there is no title.
    func fallbackText(_ message: ChatMessage) -> String {
        let source = message.title.isEmpty ? (message.lines.first ?? "") : message.title
        return SlackMrkdwn.escape(source, limit: Self.fallbackTextLimit)
    }

    /// All blocks, within Slack's block limit: content is cut before any button is dropped.
    func blocks(_ message: ChatMessage) -> [JSONValue] {
        var body = headerBlocks(message) + rowBlocks(message.rows) + noteBlocks(message.notes)
        let actions = actionBlocks(message.buttons, prefix: makeBlockIDPrefix())
        if body.count + actions.count > Self.blockLimit {
            body = Array(body.prefix(max(0, Self.blockLimit - actions.count - 1)))
            body.append(Self.context([SlackMrkdwn.ellipsis]))
        }
        return Array((body + actions).prefix(Self.blockLimit))
    }

    private func headerBlocks(_ message: ChatMessage) -> [JSONValue] {
        var text = ""
        if !message.title.isEmpty {
            text = "*" + SlackMrkdwn.escape(message.title, limit: Self.sectionTextLimit - 2) + "*"
        }
        let lines = message.lines.joined(separator: "\n")
        let separator = text.isEmpty ? "" : "\n"
        let room = Self.sectionTextLimit - text.utf16.count - separator.utf16.count
        if !lines.isEmpty, room > SlackMrkdwn.ellipsis.utf16.count {
            text += separator + SlackMrkdwn.escape(lines, limit: room)
        }
        return text.isEmpty ? [] : [Self.section(text)]
    }

    /// Rows as mrkdwn lines, packed into as few sections as the text limit allows.
    private func rowBlocks(_ rows: [Row]) -> [JSONValue] {
        var sections: [String] = []
        for row in rows.map(Self.rowText) {
            if let last = sections.last, last.utf16.count + 1 + row.utf16.count <= Self.sectionTextLimit {
                sections[sections.count - 1] = last + "\n" + row
            } else {
                sections.append(row)
            }
        }
        return sections.map(Self.section)
    }

    /// `*label*: before → after` with each span escaped and cut so the whole fits one section.
    static func rowText(_ row: Row) -> String {
        let label = "*" + SlackMrkdwn.escape(row.label, limit: 200) + "*: "
        let before = SlackMrkdwn.escape(row.before, limit: row.after == nil ? 2700 : 1350)
        guard let after = row.after else { return label + before }
        return label + before + " → " + SlackMrkdwn.escape(after, limit: 1350)
    }

    private func noteBlocks(_ notes: [String]) -> [JSONValue] {
        let escaped = notes.map { SlackMrkdwn.escape($0, limit: Self.sectionTextLimit) }
        return stride(from: 0, to: escaped.count, by: Self.notesPerBlock).map {
            Self.context(Array(escaped[$0..<min($0 + Self.notesPerBlock, escaped.count)]))
        }
    }

    private func actionBlocks(_ buttons: [Button], prefix: String) -> [JSONValue] {
        stride(from: 0, to: buttons.count, by: Self.buttonsPerBlock).map { start in
            let chunk = buttons[start..<min(start + Self.buttonsPerBlock, buttons.count)]
            return .object([
                .init("type", .string("actions")),
                .init("block_id", .string("\(prefix)-actions-\(start / Self.buttonsPerBlock)")),
                .init("elements", .array(chunk.map(Self.button))),
            ])
        }
    }

    static func button(_ button: Button) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("type", .string("button")),
            .init("text", plainText(SlackMrkdwn.escape(button.label, limit: buttonTextLimit))),
            .init("action_id", .string(button.actionID)),
            .init("value", .string(button.value)),
        ]
        switch button.style {
        case .primary: members.append(.init("style", .string("primary")))
        case .danger: members.append(.init("style", .string("danger")))
        case .plain: break
        }
        return .object(members)
    }

    static func section(_ mrkdwn: String) -> JSONValue {
        .object([.init("type", .string("section")), .init("text", mrkdwnText(mrkdwn))])
    }

    static func context(_ texts: [String]) -> JSONValue {
        .object([.init("type", .string("context")), .init("elements", .array(texts.map(mrkdwnText)))])
    }

    static func mrkdwnText(_ text: String) -> JSONValue {
        .object([.init("type", .string("mrkdwn")), .init("text", .string(text))])
    }

    static func plainText(_ text: String) -> JSONValue {
        .object([.init("type", .string("plain_text")), .init("text", .string(text)), .init("emoji", .bool(true))])
    }
}
