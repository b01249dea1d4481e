import ChatKit
import Testing

@testable import Slack

@Suite("Slash command requests")
struct SlackCommandRequestTests {
    @Test("B01: the signed body becomes a command event with the text as typed")
    func fieldReportB01() throws {
        let request = try SlackCommandRequest(body: SlackVectors.B01.body)
        #expect(request.command == "/task")
        #expect(request.rawText == "rename task aade2bce to *urgent* weekly sync")
        #expect(
            request.event(requestID: "r1")
                == InboundEvent(
                    kind: .command(text: "rename task aade2bce to *urgent* weekly sync"), platform: "slack",
                    workspace: "T0000000", channel: "C0000000", user: "U0000000",
                    replyURL: "https://hooks.slack.com/commands/T0000000/1/xxxx", requestID: "r1"))
    }

    @Test("T1: the published example decodes with an empty text")
    func publishedExample() throws {
        let request = try SlackCommandRequest(body: SlackVectors.T1.body)
        #expect(request.command == "/webhook-collect")
        #expect(request.text == "")
        #expect(request.teamID == "T1DC2JH3J")
        #expect(request.channelID == "G8PSS9T3V")
        #expect(request.userID == "U2CERLKJA")
        #expect(
            request.responseURL == "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN")
    }

    @Test(
        "form decoding and Slack escaping reach the parser in the right order",
        arguments: [
            ("text=MSc+%26amp%3B+MBA", "MSc & MBA"),
            ("text=1%2B1+%26lt%3B+3", "1+1 < 3"),
            ("text=rename+it+to+%26lt%3Bb%26gt%3B", "rename it to <b>"),
            ("text=move+%3C%23C1%7Cops%3E", "move #ops"),
            ("text=see%C2%A0%3Chttps%3A%2F%2Fx.test%7Cdocs%3E", "see docs"),
            ("text=%E2%80%9Cquoted%E2%80%9D+title", "\u{201C}quoted\u{201D} title"),
            ("text=%26amp%3Blt%3B", "&lt;"),
        ])
    func textOrder(field: String, expected: String) throws {
        let request = try SlackCommandRequest(body: Array("team_id=T1&user_id=U1&command=%2Ftasks&\(field)".utf8))
        #expect(request.text == expected)
    }

    @Test("enterprise and app ids are read; absent optional fields are nil")
    func optionalFields() throws {
        let full = try SlackCommandRequest(
            body: Array("team_id=T1&user_id=U1&channel_id=C1&enterprise_id=E1&api_app_id=A1&response_url=".utf8))
        #expect(full.enterpriseID == "E1")
        #expect(full.apiAppID == "A1")
        #expect(full.responseURL == nil)
        let bare = try SlackCommandRequest(body: Array("team_id=T1&user_id=U1".utf8))
        #expect(bare.channelID == "")
        #expect(bare.enterpriseID == nil)
        #expect(bare.command == "")
    }

    @Test(
        "a body without a workspace or user is refused, naming the field",
        arguments: [("user_id=U1", "team_id"), ("team_id=T1", "user_id"), ("team_id=&user_id=U1", "team_id")])
    func missing(body: String, field: String) {
        #expect(throws: SlackRequestError.missingField(field)) { try SlackCommandRequest(body: Array(body.utf8)) }
    }

    @Test("a body that is not UTF-8 is a form error")
    func notUTF8() {
        #expect(throws: SlackRequestError.form(.invalidUTF8(field: 2))) {
            try SlackCommandRequest(body: Array("team_id=T1&user_id=U1&text=%FF".utf8))
        }
    }
}
