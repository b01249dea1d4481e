import ChatKit

/// A slash command, decoded from a body whose signature has already been verified.
public struct SlackCommandRequest: Sendable, Equatable {
    /// The command name as registered, for example `/tasks`.
    public var command: String
    /// The text after the command name, normalised by `SlackText.normalise(_:)`.
    public var text: String
    /// The text after form decoding only, still Slack-escaped.
    public var rawText: String
    /// The workspace (`team_id`).
    public var teamID: String
    /// The channel (`channel_id`); empty when absent.
    public var channelID: String
    /// The person who typed the command (`user_id`).
    public var userID: String
    /// Where later replies go. A bearer capability: never log it.
    public var responseURL: String?
    /// Set by Slack when the app runs in Enterprise Grid.
    public var enterpriseID: String?
    /// Tells apart several apps that share one request URL.
    public var apiAppID: String?

    /// Reads the fields Slack documents for slash commands; `team_id` and `user_id` are required.
    public init(fields: FormFields) throws(SlackRequestError) {
        command = fields["command"] ?? ""
        rawText = fields["text"] ?? ""
        text = SlackText.normalise(rawText)
        teamID = try Self.required("team_id", in: fields)
        channelID = fields["channel_id"] ?? ""
        userID = try Self.required("user_id", in: fields)
        responseURL = Self.optional("response_url", in: fields)
        enterpriseID = Self.optional("enterprise_id", in: fields)
        apiAppID = Self.optional("api_app_id", in: fields)
    }

    /// Decodes a raw (already verified) body.
    public init(body: [UInt8]) throws(SlackRequestError) {
        let fields: FormFields
        do { fields = try FormDecoder.decode(body) } catch { throw .form(error) }
        try self.init(fields: fields)
    }

    /// True when `fields` is Slack's SSL check probe (`ssl_check=1`).
    public static func isSSLCheck(_ fields: FormFields) -> Bool { fields["ssl_check"] == "1" }

    /// The platform-neutral event for the conversation.
    public func event(requestID: String = "") -> InboundEvent {
        InboundEvent(
            kind: .command(text: text), platform: "slack", workspace: teamID, channel: channelID, user: userID,
            replyURL: responseURL, requestID: requestID)
    }

    private static func required(_ name: String, in fields: FormFields) throws(SlackRequestError) -> String {
        guard let value = fields[name], !value.isEmpty else { throw .missingField(name) }
        return value
    }

    private static func optional(_ name: String, in fields: FormFields) -> String? {
        guard let value = fields[name], !value.isEmpty else { return nil }
        return value
    }
}
