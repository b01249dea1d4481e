import ChatKit
import Foundation
import Support

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts messages to a `response_url` (Slack allows 5 posts within 30 minutes of the triggering request).
///
/// Every URL goes through the `ResponseURLPolicy` first. The URL is a bearer capability, so it is never
/// logged and never appears in an error; log lines carry the outcome only. Create one sender and reuse it:
/// each holds its own URLSession.
public struct SlackReplySender: Sendable {
    /// Default time to wait for Slack's answer, in seconds.
    public static let defaultTimeout: TimeInterval = 5

    private let policy: ResponseURLPolicy
    private let renderer: SlackRenderer
    private let client: SlackHTTPClient
    private let logger: Logger

    /// - Parameters:
    ///   - policy: which response URLs may be followed.
    ///   - renderer: turns messages into Block Kit.
    ///   - timeout: seconds to wait for Slack's answer (default 5), rounded up to whole seconds.
    ///   - logger: receives one line per post, without the URL.
    public init(
        policy: ResponseURLPolicy, renderer: SlackRenderer = SlackRenderer(), timeout: TimeInterval = defaultTimeout,
        logger: Logger = .disabled
    ) {
        self.policy = policy
        self.renderer = renderer
        self.client = SlackHTTPClient(timeout: timeout)
        self.logger = logger
    }

    /// Renders `message` (with `replace_original` from the message) and posts it to `responseURL`.
    public func send(_ message: ChatMessage, to responseURL: String) async throws(SlackDeliveryError) {
        try await post(json: renderer.responseURLBody(message), to: responseURL)
    }

    /// Posts a JSON body to `responseURL`. Non-2xx answers and `"ok": false` bodies are failures.
    public func post(json: String, to responseURL: String) async throws(SlackDeliveryError) {
        let url: URL
        switch policy.check(responseURL) {
        case .success(let allowed): url = allowed
        case .failure(let refusal):
            logger.warning("slack reply refused", ["reason": refusal.description])
            throw .refused(refusal)
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        do {
            let (status, body) = try await client.send(request)
            try Self.check(status: status, body: body)
            logger.debug("slack reply posted", ["status": String(status)])
        } catch {
            logger.warning("slack reply failed", ["reason": error.reason])
            throw error
        }
    }

    private static func check(status: Int, body: Data) throws(SlackDeliveryError) {
        guard (200..<300).contains(status) else {
            throw .httpStatus(status, slackError: SlackHTTPClient.errorCode(in: body))
        }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any], object["ok"] as? Bool == false
        {
            throw .slackError(SlackHTTPClient.errorCode(in: body) ?? "unknown_error")
        }
    }
}
