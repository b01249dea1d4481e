import ChatKit
import Foundation

/// A button click (`block_actions`), decoded from a verified interaction body: a form with one `payload`
/// field holding JSON. Unknown JSON fields are ignored.
public struct SlackInteraction: Sendable, Equatable {
    /// Who clicked (`user.id`).
    public var userID: String
    /// The workspace (`team.id`, or `user.team_id` when the app is installed at organisation level).
    public var teamID: String
    /// `channel.id`, or `container.channel_id` when the channel object is absent.
    public var channelID: String
    /// Where later replies go. A bearer capability: never log it.
    public var responseURL: String?
    /// The first action's `action_id`.
    public var actionID: String
    /// The first action's `value` (a select menu's `selected_option.value`); empty when it has none.
    public var value: String
    /// The first action's `block_id`.
    public var blockID: String?
    /// `container.message_ts`: the message that carried the button.
    public var messageTS: String?

    /// Decodes the JSON of the `payload` field.
    public init(payload: [UInt8]) throws(SlackRequestError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(payload))
        } catch {
            throw .malformedPayload(Self.describe(error))
        }
        guard wire.type == "block_actions" else { throw .unsupportedPayloadType(wire.type) }
        guard let user = wire.user?.id, !user.isEmpty else { throw .missingField("user.id") }
        guard let team = wire.team?.id ?? wire.user?.team_id, !team.isEmpty else { throw .missingField("team.id") }
        guard let channel = wire.channel?.id ?? wire.container?.channel_id, !channel.isEmpty else {
            throw .missingField("channel.id")
        }
        guard let action = wire.actions?.first, !action.action_id.isEmpty else {
            throw .missingField("actions[0].action_id")
        }
        userID = user
        teamID = team
        channelID = channel
        responseURL = wire.response_url.flatMap { $0.isEmpty ? nil : $0 }
        actionID = action.action_id
        value = action.value ?? action.selected_option?.value ?? ""
        blockID = action.block_id
        messageTS = wire.container?.message_ts
    }

    /// Decodes a raw (already verified) interaction body.
    public init(body: [UInt8]) throws(SlackRequestError) {
        let fields: FormFields
        do { fields = try FormDecoder.decode(body) } catch { throw .form(error) }
        guard let payload = fields["payload"], !payload.isEmpty else { throw .missingField("payload") }
        try self.init(payload: Array(payload.utf8))
    }

    /// The platform-neutral event for the conversation.
    public func event(requestID: String = "") -> InboundEvent {
        InboundEvent(
            kind: .action(actionID: actionID, value: value), platform: "slack", workspace: teamID,
            channel: channelID, user: userID, replyURL: responseURL, requestID: requestID)
    }

    /// A short reason without payload content, for logs.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(path(context.codingPath))"
        default:
            "not JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        if keys.isEmpty { return "top level" }
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// The subset of Slack's `block_actions` payload this adapter reads; names follow Slack's JSON.
private struct Wire: Decodable {
    struct User: Decodable {
        var id: String?
        var team_id: String?
    }
    struct Identified: Decodable { var id: String? }
    struct Container: Decodable {
        var channel_id: String?
        var message_ts: String?
    }
    struct Option: Decodable { var value: String? }
    struct Action: Decodable {
        var action_id: String
        var block_id: String?
        var value: String?
        var selected_option: Option?
    }

    var type: String
    var user: User?
    var team: Identified?
    var channel: Identified?
    var container: Container?
    var response_url: String?
    var actions: [Action]?
}
