import ChatKit
import Foundation
import Testing

@testable import Slack

@Suite("Interaction payloads")
struct SlackInteractionTests {
    /// A `block_actions` payload shaped like the ones Slack sends for a button in an ephemeral message.
    static let payload = """
        {"type":"block_actions","user":{"id":"U0000000","username":"ann","name":"ann","team_id":"T0000000"},
        "api_app_id":"A0000000","token":"XXXXXXXX","container":{"type":"message","message_ts":"1796310000.000100",
        "channel_id":"C0000000","is_ephemeral":true},"trigger_id":"1.1.xxxx","team":{"id":"T0000000",
        "domain":"example"},"enterprise":null,"is_enterprise_install":false,"channel":{"id":"C0000000",
        "name":"ops"},"state":{"values":{}},"response_url":"https://hooks.slack.com/actions/T0000000/1/yyyy",
        "actions":[{"action_id":"confirm","block_id":"tb-1-actions","text":{"type":"plain_text","text":"Confirm",
        "emoji":true},"value":"pc_7f3a","style":"primary","type":"button","action_ts":"1796310001.000200"}]}
        """

    static func formBody(_ json: String) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        let encoded = json.addingPercentEncoding(withAllowedCharacters: allowed)!
        return Array(("payload=" + encoded).utf8)
    }

    @Test("a Confirm click becomes an action event")
    func confirm() throws {
        let interaction = try SlackInteraction(body: Self.formBody(Self.payload))
        #expect(interaction.blockID == "tb-1-actions")
        #expect(interaction.messageTS == "1796310000.000100")
        #expect(
            interaction.event(requestID: "r2")
                == InboundEvent(
                    kind: .action(actionID: "confirm", value: "pc_7f3a"), platform: "slack", workspace: "T0000000",
                    channel: "C0000000", user: "U0000000",
                    replyURL: "https://hooks.slack.com/actions/T0000000/1/yyyy", requestID: "r2"))
    }

    @Test("falls back to container.channel_id and user.team_id when channel and team are absent or null")
    func fallbacks() throws {
        let json = """
            {"type":"block_actions","user":{"id":"U1","team_id":"T9"},"team":null,
            "container":{"channel_id":"D42"},"actions":[{"action_id":"cancel"}]}
            """
        let interaction = try SlackInteraction(payload: Array(json.utf8))
        #expect(interaction.teamID == "T9")
        #expect(interaction.channelID == "D42")
        #expect(interaction.value == "")
        #expect(interaction.responseURL == nil)
    }

    @Test("a select menu's selected option is its value")
    func selectedOption() throws {
        let json = """
            {"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"},
            "actions":[{"action_id":"pick","selected_option":{"value":"aade2bce"}}]}
            """
        #expect(try SlackInteraction(payload: Array(json.utf8)).value == "aade2bce")
    }

    @Test(
        "malformed payloads give a typed error without payload content",
        arguments: [
            ("not json", SlackRequestError.malformedPayload("not JSON")),
            ("[]", .malformedPayload("wrong type at top level")),
            ("{}", .malformedPayload("missing type")),
            ("{\"type\":7}", .malformedPayload("wrong type at type")),
            ("{\"type\":\"view_submission\"}", .unsupportedPayloadType("view_submission")),
            ("{\"type\":\"block_actions\"}", .missingField("user.id")),
            ("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"}}", .missingField("team.id")),
            (
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"}}",
                .missingField("channel.id")
            ),
            (
                #"{"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"},"#
                    + #""actions":[]}"#, .missingField("actions[0].action_id")
            ),
            (
                #"{"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"},"#
                    + #""actions":[{"value":"x"}]}"#, .malformedPayload("missing actions.[0].action_id")
            ),
        ])
    func malformed(json: String, error: SlackRequestError) {
        #expect(throws: error) { try SlackInteraction(payload: Array(json.utf8)) }
    }

    @Test("a body without a payload field is refused")
    func noPayload() {
        #expect(throws: SlackRequestError.missingField("payload")) {
            try SlackInteraction(body: Array("token=x&payload=".utf8))
        }
    }
}
