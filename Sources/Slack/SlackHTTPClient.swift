import Foundation
import Support

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one place that sends HTTP requests to Slack: a timeout on every call, no redirects (a redirect
/// could lead a response URL past the host policy), and failures mapped to `SlackDeliveryError`
/// without the URL, headers or body.
struct SlackHTTPClient: Sendable {
    /// Seconds to wait for the answer, a whole number.
    let timeout: TimeInterval
    private let session: URLSession

    /// `timeout` is rounded up to whole seconds, at least one: FoundationNetworking on Linux hands libcurl
    /// whole seconds, so 0.5 would become 0 and every request would time out at once.
    init(timeout: TimeInterval) {
        let timeout = max(1, timeout.rounded(.up))
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
    }

    /// Sends `request` and returns the status and body; throws for transport failures only. The deadline is
    /// enforced here, not left to libcurl, whose timer fires late when the process is busy.
    func send(_ request: URLRequest) async throws(SlackDeliveryError) -> (status: Int, body: Data) {
        var request = request
        request.timeoutInterval = timeout
        switch await HTTPAttempt.send(request, on: session, timeout: .milliseconds(Int(timeout * 1000))) {
        case .answer(let status, _, let body):
            return (status, body)
        case .timedOut:
            throw .timedOut
        case .connectionFailed(let detail):
            throw .transport(detail)
        case .cancelled:
            throw .transport("cancelled")
        }
    }

    /// Slack's error code in an answer body: `error` of a JSON object, or a bare code such as `expired_url`.
    static func errorCode(in body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let code = object["error"] as? String
        {
            return String(code.prefix(64))
        }
        let text = String(decoding: body.prefix(65), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let isCode = !text.isEmpty && text.count <= 64 && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return isCode && text != "ok" ? text : nil
    }
}

/// Refuses every HTTP redirect so that the caller sees the 3xx itself.
// @unchecked Sendable: the class has no stored state.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
