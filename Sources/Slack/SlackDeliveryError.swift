/// Why a reply or Web API call to Slack failed. Never carries a URL, token or message body.
public enum SlackDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `response_url` is not allowed by the policy; nothing was sent.
    case refused(ResponseURLRefusal)
    /// No answer within the timeout.
    case timedOut
    /// The connection failed; the value is a short reason such as `URLError -1004`.
    case transport(String)
    /// Slack answered with a non-2xx status; `slackError` is its error code when the body had one
    /// (`expired_url` is expected once a response URL is 30 minutes old or used 5 times).
    case httpStatus(Int, slackError: String?)
    /// Slack answered 2xx with `"ok": false`; the value is its error code (`user_not_found`, …).
    case slackError(String)
    /// A 2xx answer that is not the JSON the method documents.
    case malformedResponse

    /// A sentence for logs; contains no secret and no URL.

    public var description: String {
        switch self {
        case .refused(let refusal): refusal.description
        case .timedOut: "Slack did not answer in time"
        case .transport(let reason): "could not reach Slack: \(reason)"
        case .httpStatus(let status, let code): "Slack answered HTTP \(status)" + (code.map { " (\($0))" } ?? "")
        case .slackError(let code): "Slack answered \(code)"
        case .malformedResponse: "Slack's answer was not the expected JSON"
        }
    }

    /// A short fixed label for metrics and log fields.
    public var reason: String {
        switch self {
        case .refused: "refused"
        case .timedOut: "timeout"
        case .transport: "transport"
        case .httpStatus(let status, _): "http_\(status)"
        case .slackError(let code): code
        case .malformedResponse: "malformed_response"
        }
    }
}
