import ChatKit
import Foundation

/// How one chat platform renders and delivers the bot's later replies (Slack: `response_url` posts).
public protocol PlatformReplies: Sendable {
    /// `slack`, matching `InboundEvent.platform`.
    var platform: String { get }
    /// How long a reply URL stays usable after the interaction that gave it. Slack: 30 minutes.
    var replyURLLifetime: TimeInterval { get }
    /// The body of the webhook's immediate HTTP answer for `message`.
    func responseBody(_ message: ChatMessage) -> String
    /// The body to POST to a reply URL for `message`.
    func replyBody(_ message: ChatMessage) -> String
    /// Posts a rendered body to a reply URL.
    func deliver(_ body: String, to url: String, requestID: String) async -> DeliveryOutcome
    /// Posts a message to a channel on the bot's own behalf (Slack `chat.postMessage`); false when the
    /// platform has no credentials for it or the post failed.
    func post(_ message: ChatMessage, channel: String, requestID: String) async -> Bool
}

/// What became of one delivery attempt.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// A passing fault (network, 5xx, rate limit): try again later.
    case retryLater
    /// The platform refused for good (expired or used-up URL, URL not allowed): drop the reply.
    case rejected(String)
}
