import ChatKit
import Foundation
import Testing

@testable import Slack

@Suite("Mentions in rendered messages")
struct MentionRenderingTests {
    @Test("a mention marker becomes Slack's <@U…> after escaping, and typed brackets stay escaped")
    func mention() throws {
        let message = ChatMessage(title: "Paused <x> by \(Mention.of("U0000001")).")
        let body = SlackRenderer(blockIDPrefix: { "b" }).responseBody(message)
        #expect(body.contains(#"Paused &lt;x&gt; by <@U0000001>."#))
        let plain = SlackRenderer(blockIDPrefix: { "b" }).responseBody(ChatMessage(title: "by \(Mention.of("U2"))"))
        #expect(plain.contains(#""text":"*by <@U2>*""#))
    }

    @Test("inbound text cannot carry a mention marker")
    func stripped() {
        #expect(SlackText.normalise("hi \u{E000}U1\u{E001}") == "hi U1")
    }
}
