import ChatKit
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The two Slack Web API methods the bot uses, with a bot token (`SLACK_BOT_TOKEN`, `xoxb-…`).
/// The token is sent only as a Bearer header and never logged or put in an error. Create one and reuse it:
/// each holds its own URLSession.
public struct SlackWebAPI: Sendable {
    /// Slack's Web API root.
    public static let defaultBaseURL = URL(string: "https://slack.com/api/")!

    private let token: String
    private let baseURL: URL
    private let renderer: SlackRenderer
    private let client: SlackHTTPClient

    /// - Parameters:
    ///   - token: the bot token.
    ///   - baseURL: the API root ending in `/`; tests point it at a loopback fake.
    ///   - timeout: seconds to wait for each answer (default 5).
    public init(
        token: String, baseURL: URL = defaultBaseURL, renderer: SlackRenderer = SlackRenderer(),
        timeout: TimeInterval = 5
    ) {
        self.token = token
        self.baseURL = baseURL
        self.renderer = renderer
        self.client = SlackHTTPClient(timeout: timeout)
    }

    /// The user's IANA time zone from `users.info` (`user.tz`, needs scope `users:read`); nil when Slack
    /// has none for the user.
    public func usersInfoTimeZone(user: String) async throws(SlackDeliveryError) -> String? {
        var components = URLComponents(
            url: baseURL.appendingPathComponent("users.info"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "user", value: user)]
        guard let url = components?.url else { throw .malformedResponse }
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        let object = try await call(request)
        guard let profile = object["user"] as? [String: Any] else { throw .malformedResponse }
        return (profile["tz"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Posts `message` to `channel` with `chat.postMessage` (for replies after the response URL expired).
    public func postMessage(channel: String, message: ChatMessage) async throws(SlackDeliveryError) {
        var request = URLRequest(url: baseURL.appendingPathComponent("chat.postMessage"))
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(renderer.postMessageBody(message, channel: channel).utf8)
        _ = try await call(request)
    }

    /// Sends with the Bearer token and returns the answer's JSON object when it says `"ok": true`.
    private func call(_ request: URLRequest) async throws(SlackDeliveryError) -> [String: Any] {
        var request = request
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (status, body) = try await client.send(request)
        guard (200..<300).contains(status) else {
            throw .httpStatus(status, slackError: SlackHTTPClient.errorCode(in: body))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let ok = object["ok"] as? Bool
        else { throw .malformedResponse }
        guard ok else { throw .slackError(SlackHTTPClient.errorCode(in: body) ?? "unknown_error") }
        return object
    }
}
