/// One verified request from a chat platform, in platform-neutral form.
public struct InboundEvent: Sendable, Equatable {
    /// What the person did.
    public enum Kind: Sendable, Equatable {
        /// Typed a slash command; `text` is the normalised text after the command name.
        case command(text: String)
        /// Pressed a button of an earlier message.
        case action(actionID: String, value: String)
    }

    public var kind: Kind
    /// `slack`, `discord`, …
    public var platform: String
    /// The workspace (Slack team id).
    public var workspace: String
    public var channel: String
    public var user: String
    /// Where later replies go (Slack's `response_url`). A bearer capability: never log it.
    public var replyURL: String?
    /// The id of the webhook request, carried into API calls and replies for tracing.
    public var requestID: String

    public init(
        kind: Kind, platform: String, workspace: String, channel: String, user: String, replyURL: String?,
        requestID: String = ""
    ) {
        self.kind = kind
        self.platform = platform
        self.workspace = workspace
        self.channel = channel
        self.user = user
        self.replyURL = replyURL
        self.requestID = requestID
    }
}
