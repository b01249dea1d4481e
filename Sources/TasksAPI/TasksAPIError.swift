/// Why a tasks API call failed, with the sentence a chat user reads and a log-safe description.
public enum TasksAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400: the API refused the body or query; `field` is the first invalid field when it named one.
    case badRequest(message: String, field: String?)
    /// 401: no credential, both kinds, or one the API does not accept.
    case unauthorized
    /// 402: the account's plan does not allow the change.
    case paymentRequired
    /// 403: the credential may not access the task's owner account.
    case forbidden
    /// 404: no task with that id.
    case notFound
    /// 5xx, 429 after the last retry, or any other unexpected status.
    case server(status: Int)
    /// No answer within the per-call deadline (`after`); `method` tells whether a change may have landed.
    case timeout(after: Duration, method: String)
    /// The connection failed (refused, reset, DNS); `detail` is the transport's message.
    case unreachable(detail: String)
    /// The answer (with `status`) was not the JSON the client expects.
    case undecodable(status: Int, detail: String)
    /// The client's own configuration is unusable.
    case misconfigured(String)

    /// The one sentence a chat user reads: what happened and what to do next.
    public var userMessage: String {
        switch self {
        case .badRequest(let message, let field):
            let subject = field.map { "the \($0) field: " } ?? ""
            return "The tasks API refused the change (400), \(subject)\(message). Fix the value and try again."
        case .unauthorized:
            return
                "The tasks API did not accept the bot's credentials (401). Ask the bot's operator to check its API key."
        case .paymentRequired:
            return "The account's plan does not allow this change (402). An admin of the account can upgrade the plan."
        case .forbidden:
            return "The API key may not change this task (403). Ask an admin of the task's account for access."
        case .notFound:
            return "No task with that id exists any more (404). List the tasks to find the right one."
        case .server(let status) where status == 429:
            return "The tasks API is busy (429). Nothing was changed; try again in a minute."
        case .server(let status):
            return "The tasks API failed (\(status)). Try again in a few minutes; repeating the same change is safe."
        case .timeout(let after, let method) where method == "GET":
            return
                "The tasks API did not answer within \(Self.seconds(after)). "
                + "Nothing was changed; try again in a minute."
        case .timeout(let after, _):
            return "The tasks API did not answer within \(Self.seconds(after)), so the change may or may not "
                + "have been applied. Check the task before trying again."
        case .unreachable:
            return "The tasks API could not be reached. Try again in a few minutes."
        case .undecodable:
            return "The tasks API sent an answer the bot could not read. Check the task before trying again."
        case .misconfigured:
            return "The bot is not set up to reach the tasks API. Ask the bot's operator to check its configuration."
        }
    }

    /// A stable line for logs; holds no credential.
    public var description: String {
        switch self {
        case .badRequest(let message, let field): "tasks API 400 bad request (field: \(field ?? "none")): \(message)"
        case .unauthorized: "tasks API 401 unauthorized"
        case .paymentRequired: "tasks API 402 payment required"
        case .forbidden: "tasks API 403 forbidden"
        case .notFound: "tasks API 404 not found"
        case .server(let status): "tasks API answered \(status)"
        case .timeout(let after, let method): "tasks API \(method) timed out after \(Self.seconds(after))"
        case .unreachable(let detail): "tasks API unreachable: \(detail)"
        case .undecodable(let status, let detail): "tasks API answer (\(status)) undecodable: \(detail)"
        case .misconfigured(let detail): "tasks API misconfigured: \(detail)"
        }
    }

    /// The HTTP status this error stands for, if it came from an answer.
    public var status: Int? {
        switch self {
        case .badRequest: 400
        case .unauthorized: 401
        case .paymentRequired: 402
        case .forbidden: 403
        case .notFound: 404
        case .server(let status), .undecodable(let status, _): status
        case .timeout, .unreachable, .misconfigured: nil
        }
    }

    /// "10 s", or "2.5 s" for a fractional deadline.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(Double(milliseconds) / 1000) s"
    }
}
