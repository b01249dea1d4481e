import ChatKit
import Foundation
import Slack
import Support

/// Slack's rendering and delivery of later replies: Block Kit through `response_url`, and
/// `chat.postMessage` for notices when a bot token is configured.
struct SlackPlatform: PlatformReplies {
    let platform = "slack"
    /// Slack accepts posts to a `response_url` for 30 minutes.
    let replyURLLifetime: TimeInterval = 30 * 60
    let renderer: SlackRenderer
    let sender: SlackReplySender
    let webAPI: SlackWebAPI?
    let logger: Logger

    func responseBody(_ message: ChatMessage) -> String { renderer.responseBody(message) }

    func replyBody(_ message: ChatMessage) -> String { renderer.responseURLBody(message) }

    func deliver(_ body: String, to url: String, requestID: String) async -> DeliveryOutcome {
        do {
            try await sender.post(json: body, to: url)
            return .delivered
        } catch {
            return SlackPlatform.outcome(of: error)
        }
    }

    /// Which failures are worth another try: timeouts, connection errors, 5xx and 429.
    static func outcome(of error: SlackDeliveryError) -> DeliveryOutcome {
        switch error {
        case .timedOut, .transport:
            return .retryLater
        case .httpStatus(let status, _) where status >= 500 || status == 429:
            return .retryLater
        case .refused, .httpStatus, .slackError, .malformedResponse:
            return .rejected(error.reason)
        }
    }

    func post(_ message: ChatMessage, channel: String, requestID: String) async -> Bool {
        guard let webAPI else { return false }
        do {
            try await webAPI.postMessage(channel: channel, message: message)
            return true
        } catch {
            logger.warning("chat.postMessage failed", ["request_id": requestID, "reason": error.reason])
            return false
        }
    }

    /// The user's profile zone from `users.info`, or nil without a token or on any failure.
    func profileZone(user: String) async -> String? {
        guard let webAPI else { return nil }
        do {
            return try await webAPI.usersInfoTimeZone(user: user)
        } catch {
            logger.warning("users.info failed", ["user": user, "reason": error.reason])
            return nil
        }
    }
}
