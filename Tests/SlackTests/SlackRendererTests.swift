import ChatKit
import Foundation
import Testing

@testable import Slack

@Suite("Block Kit rendering")
struct SlackRendererTests {
    let renderer = SlackRenderer(blockIDPrefix: { "tb-fixed" })

    static func parse(_ text: String) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? NSDictionary)
    }

    static let preview = ChatMessage(
        title: "Move Weekly sync <ops> (aade2bce)?",
        lines: ["Runs every Thursday at 10:00.", "Q&A follows"],
        rows: [Row("Schedule", "Mondays 09:00", after: "Thursdays 10:00"), Row("Zone", "Europe/Berlin")],
        notes: ["Times in Europe/Berlin.", "Expires in 15 min."],
        buttons: [
            Button("Confirm", actionID: "confirm", value: "pc_1", style: .primary),
            Button("Cancel", actionID: "cancel", value: "pc_1"),
        ])

    static var previewBlocks: [[String: Any]] {
        [
            [
                "type": "section",
                "text": [
                    "type": "mrkdwn",
                    "text":
                        "*Move Weekly sync &lt;ops&gt; (aade2bce)?*\nRuns every Thursday at 10:00.\nQ&amp;A follows",
                ],
            ],
            [
                "type": "section",
                "text": [
                    "type": "mrkdwn", "text": "*Schedule*: Mondays 09:00 → Thursdays 10:00\n*Zone*: Europe/Berlin",
                ],
            ],
            [
                "type": "context",
                "elements": [
                    ["type": "mrkdwn", "text": "Times in Europe/Berlin."],
                    ["type": "mrkdwn", "text": "Expires in 15 min."],
                ],
            ],
            [
                "type": "actions", "block_id": "tb-fixed-actions-0",
                "elements": [
                    [
                        "type": "button", "text": ["type": "plain_text", "text": "Confirm", "emoji": true],
                        "action_id": "confirm", "value": "pc_1", "style": "primary",
                    ],
                    [
                        "type": "button", "text": ["type": "plain_text", "text": "Cancel", "emoji": true],
                        "action_id": "cancel", "value": "pc_1",
                    ],
                ],
            ],
        ]
    }

    @Test("a preview renders as an ephemeral answer with escaped text and two buttons")
    func immediateResponse() throws {
        let json = try Self.parse(renderer.responseBody(Self.preview))
        let expected: NSDictionary = [
            "response_type": "ephemeral",
            "text": "Move Weekly sync &lt;ops&gt; (aade2bce)?",
            "blocks": Self.previewBlocks,
        ]
        #expect(json == expected)
    }

    @Test("a response_url body says whether it replaces the original", arguments: [true, false])
    func responseURLBody(replace: Bool) throws {
        var message = Self.preview
        message.replacesOriginal = replace
        message.visibility = .channel
        let json = try Self.parse(renderer.responseURLBody(message))
        let expected: NSDictionary = [
            "response_type": "in_channel", "replace_original": replace,
            "text": "Move Weekly sync &lt;ops&gt; (aade2bce)?", "blocks": Self.previewBlocks,
        ]
        #expect(json == expected)
        // A JSON boolean, as the SDKs send, not the string "true".
        #expect(renderer.responseURLBody(message).contains("\"replace_original\":\(replace),"))
    }

    @Test("a chat.postMessage body names the channel")
    func postMessage() throws {
        let json = try Self.parse(renderer.postMessageBody(ChatMessage(title: "Done"), channel: "C1"))
        let expected: NSDictionary = [
            "channel": "C1", "text": "Done",
            "blocks": [["type": "section", "text": ["type": "mrkdwn", "text": "*Done*"]]],
        ]
        #expect(json == expected)
    }

    @Test("the output is written with a stable key order")
    func exactText() {
        let text = renderer.responseBody(ChatMessage(title: "Cancelled", replacesOriginal: true))
        #expect(
            text
                == #"{"response_type":"ephemeral","text":"Cancelled","blocks":[{"type":"section","#
                + #""text":{"type":"mrkdwn","text":"*Cancelled*"}}]}"#
        )
    }

    @Test("a row without an after value is label and value; a danger button keeps its style")
    func rowAndDanger() throws {
        let message = ChatMessage(
            title: "", lines: ["Pick one"], rows: [Row("Status", "paused & <late>")],
            buttons: [Button("Delete", actionID: "delete", value: "x", style: .danger)])
        let blocks = try #require(try Self.parse(renderer.responseBody(message))["blocks"] as? [NSDictionary])
        #expect(blocks.count == 3)
        #expect(((blocks[0]["text"] as? NSDictionary)?["text"] as? String) == "Pick one")
        #expect(((blocks[1]["text"] as? NSDictionary)?["text"] as? String) == "*Status*: paused &amp; &lt;late&gt;")
        let button = try #require((blocks[2]["elements"] as? [NSDictionary])?.first)
        #expect(button["style"] as? String == "danger")
        #expect(try Self.parse(renderer.responseBody(message))["text"] as? String == "Pick one")
    }

    @Test("each message gets a fresh block id prefix by default")
    func freshBlockIDs() throws {
        let random = SlackRenderer()
        let message = ChatMessage(title: "x", buttons: [Button("OK", actionID: "ok", value: "1")])
        var ids = Set<String>()
        for _ in 0..<20 {
            let blocks = try #require(try Self.parse(random.responseBody(message))["blocks"] as? [NSDictionary])
            ids.insert(try #require(blocks.last?["block_id"] as? String))
        }
        #expect(ids.count == 20)
        #expect(ids.allSatisfy { $0.hasPrefix("tb-") && $0.hasSuffix("-actions-0") })
    }

    @Test("long text is cut with an ellipsis within Slack's limits, never inside an entity")
    func limits() throws {
        let title = String(repeating: "a", count: 2996) + "&b"
        let message = ChatMessage(
            title: title, lines: ["more"],
            buttons: [Button(String(repeating: "é", count: 80), actionID: "x", value: "v")])
        let blocks = try #require(try Self.parse(renderer.responseBody(message))["blocks"] as? [NSDictionary])
        let text = try #require((blocks[0]["text"] as? NSDictionary)?["text"] as? String)
        #expect(text == "*" + String(repeating: "a", count: 2996) + "…*")
        #expect(text.utf16.count <= 3000)
        let label = try #require(
            ((blocks[1]["elements"] as? [NSDictionary])?.first?["text"] as? NSDictionary)?["text"] as? String)
        #expect(label == String(repeating: "é", count: 74) + "…")
    }

    @Test("lines fill the room the title leaves")
    func linesAfterTitle() throws {
        let message = ChatMessage(title: String(repeating: "t", count: 2990), lines: ["0123456789"])
        let blocks = try #require(try Self.parse(renderer.responseBody(message))["blocks"] as? [NSDictionary])
        let text = try #require((blocks[0]["text"] as? NSDictionary)?["text"] as? String)
        #expect(text == "*" + String(repeating: "t", count: 2990) + "*\n012345…")
        #expect(text.utf16.count == 3000)
    }

    @Test("quotes, backslashes, control characters and non-ASCII survive the JSON round trip")
    func jsonEscaping() throws {
        let title = "say \"hi\" \\ tab\there\u{01} café 日本 \u{2028}"
        let json = try Self.parse(
            renderer.responseBody(ChatMessage(title: title, buttons: [Button("\"B\"", actionID: "a\\b", value: "v\n")]))
        )
        #expect(json["text"] as? String == title)
        let blocks = try #require(json["blocks"] as? [NSDictionary])
        #expect(((blocks[0]["text"] as? NSDictionary)?["text"] as? String) == "*\(title)*")
        let button = try #require((blocks[1]["elements"] as? [NSDictionary])?.first)
        #expect(button["action_id"] as? String == "a\\b")
        #expect(button["value"] as? String == "v\n")
        #expect((button["text"] as? NSDictionary)?["text"] as? String == "\"B\"")
    }

    @Test("text exactly at the limit is not cut")
    func exactlyAtLimit() {
        #expect(SlackMrkdwn.escape(String(repeating: "a", count: 10), limit: 10) == String(repeating: "a", count: 10))
        #expect(SlackMrkdwn.escape("aaaa&", limit: 9) == "aaaa&amp;")
        #expect(SlackMrkdwn.escape("aaaa&", limit: 8) == "aaaa…")
    }

    @Test(
        "escaping rewrites whole characters only, next to ASCII and non-ASCII text alike",
        arguments: [
            ("a<b & c>d", "a&lt;b &amp; c&gt;d"),
            ("<&>", "&lt;&amp;&gt;"),
            ("— <id> —", "— &lt;id&gt; —"),
            ("é<é", "é&lt;é"),
            // A combining mark makes `<` part of another character, which is left as it is.
            ("x<\u{301}y", "x<\u{301}y"),
            ("by \u{E000}U1\u{E001}.", "by <@U1>."),
            ("by \u{E000}U1\u{E001}’s", "by <@U1>’s"),
            ("\u{E002}&", "\u{E002}&amp;"),
        ])
    func escapesCharacters(text: String, expected: String) {
        #expect(SlackMrkdwn.escape(text) == expected)
    }

    @Test("many rows, notes and buttons stay within 50 blocks and 25 buttons per block")
    func blockLimits() throws {
        let rows = (0..<400).map { Row("Field \($0)", String(repeating: "v", count: 1000), after: "w") }
        let notes = (0..<25).map { "note \($0)" }
        let buttons = (0..<30).map { Button("B\($0)", actionID: "b\($0)", value: "\($0)") }
        let message = ChatMessage(title: "Big", rows: rows, notes: notes, buttons: buttons)
        let blocks = try #require(try Self.parse(renderer.responseBody(message))["blocks"] as? [NSDictionary])
        #expect(blocks.count == 50)
        let actions = blocks.filter { $0["type"] as? String == "actions" }
        #expect(actions.map { ($0["elements"] as? [Any])?.count ?? 0 } == [25, 5])
        #expect(actions.map { $0["block_id"] as? String } == ["tb-fixed-actions-0", "tb-fixed-actions-1"])
        #expect(blocks[47]["type"] as? String == "context")
        #expect(((blocks[47]["elements"] as? [NSDictionary])?.first?["text"] as? String) == "…")
        for block in blocks where block["type"] as? String == "section" {
            #expect((((block["text"] as? NSDictionary)?["text"] as? String)?.utf16.count ?? 0) <= 3000)
        }
    }

    @Test("notes are grouped ten to a context block")
    func notesGrouping() throws {
        let message = ChatMessage(title: "x", notes: (0..<12).map { "n\($0)" })
        let blocks = try #require(try Self.parse(renderer.responseBody(message))["blocks"] as? [NSDictionary])
        #expect(blocks.map { ($0["elements"] as? [Any])?.count ?? -1 } == [-1, 10, 2])
    }
}
