/// A platform-neutral message the conversation wants to show. Each platform adapter renders it in its
/// own format (Block Kit for Slack). Every string is plain text: adapters escape it for their markup.
public struct ChatMessage: Sendable, Equatable {
    /// Who sees the message.
    public enum Visibility: Sendable, Equatable {
        /// Only the person who typed the command (Slack's `ephemeral`).
        case requester
        /// Everyone in the channel.
        case channel
    }

    /// A bold first line, for example "Pause *Weekly Genre Pulse Check* (aade2bce)?".
    public var title: String
    /// Paragraphs under the title.
    public var lines: [String]
    /// Field changes shown as `label: before → after`, or `label: value` when `after` is nil.
    public var rows: [Row]
    /// Small print: the zone times are shown in, warnings, when a preview expires.
    public var notes: [String]
    public var buttons: [Button]
    public var visibility: Visibility
    /// True when this message replaces the one that carried the clicked button.
    public var replacesOriginal: Bool

    public init(
        title: String, lines: [String] = [], rows: [Row] = [], notes: [String] = [], buttons: [Button] = [],
        visibility: Visibility = .requester, replacesOriginal: Bool = false
    ) {
        self.title = title
        self.lines = lines
        self.rows = rows
        self.notes = notes
        self.buttons = buttons
        self.visibility = visibility
        self.replacesOriginal = replacesOriginal
    }

    /// The whole message as plain text, for logs of tests, `taskbot try` and platforms without markup.
    public var plainText: String {
        var parts = [title]
        parts += lines
        for row in rows {
            if let after = row.after {
                parts.append("\(row.label): \(row.before) → \(after)")
            } else {
                parts.append("\(row.label): \(row.before)")
            }
        }
        parts += notes
        if !buttons.isEmpty { parts.append(buttons.map { "[\($0.label)]" }.joined(separator: " ")) }
        return Mention.plain(parts.joined(separator: "\n"))
    }
}

/// One line of a message's table: a field and its value, or its value before and after a change.
public struct Row: Sendable, Equatable {
    public var label: String
    public var before: String
    public var after: String?

    public init(_ label: String, _ before: String, after: String? = nil) {
        self.label = label
        self.before = before
        self.after = after
    }
}

/// A button under a message. `value` comes back in the click; keep it an opaque id.
public struct Button: Sendable, Equatable {
    public enum Style: Sendable, Equatable { case primary, danger, plain }

    public var label: String
    public var actionID: String
    public var value: String
    public var style: Style

    public init(_ label: String, actionID: String, value: String, style: Style = .plain) {
        self.label = label
        self.actionID = actionID
        self.value = value
        self.style = style
    }
}
