import Foundation
import Support

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension TasksAPIClient {
    /// One logical call, before it becomes one or more HTTP attempts.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Query parameters; nil values are left out.
        var query: [(String, String?)]
        var body: Data?
        var requestID: String?

        /// GET reads and PATCH sets absolute values, so both may be sent again.
        var isSafeToRepeat: Bool { method == "GET" || method == "PATCH" }
    }

    /// Sends `request`, retrying where allowed, and decodes a 2xx answer as `T`.
    func send<T: Decodable>(_ request: Request, decoding: T.Type) async throws(TasksAPIError) -> T {
        let requestID = request.requestID ?? UUID().uuidString.lowercased()
        let urlRequest = try makeURLRequest(request, requestID: requestID)
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.totalDeadline
        var policy = retryPolicy
        if !request.isSafeToRepeat { policy.maxAttempts = 1 }
        var attempt = 1
        while true {
            let budget = min(configuration.requestTimeout, deadline - clock.now)
            guard budget > .zero else { throw .timeout(after: configuration.totalDeadline, method: request.method) }
            let started = clock.now
            let outcome = await HTTPAttempt.send(urlRequest, on: session, timeout: budget)
            log(outcome, request, requestID: requestID, attempt: attempt, elapsed: clock.now - started)
            let failure: RetryPolicy.Failure
            let error: TasksAPIError
            switch try Self.interpret(outcome, decoding: T.self, budget: budget, method: request.method) {
            case .done(let value): return value
            case .failed(let kind, let final): (failure, error) = (kind, final)
            }
            guard
                let wait = policy.delay(
                    afterAttempt: attempt, failure: failure, remaining: deadline - clock.now,
                    random: RetryPolicy.fullJitter)
            else { throw error }
            logger.warning(
                "tasks API retry",
                [
                    "request_id": requestID, "http_method": request.method, "attempt": "\(attempt)",
                    "wait_ms": "\(Self.milliseconds(wait))", "error": error.description,
                ])
            do { try await Task.sleep(for: wait) } catch { throw .unreachable(detail: "cancelled by the caller") }
            attempt += 1
        }
    }

    /// What one attempt amounts to: a decoded answer, or a failure with the error to report if it is final.
    enum Step<T> {
        case done(T)
        case failed(RetryPolicy.Failure, TasksAPIError)
    }

    /// Turns one attempt's outcome into a step; timeouts and cancellation end the call at once.
    static func interpret<T: Decodable>(
        _ outcome: AttemptOutcome, decoding: T.Type, budget: Duration, method: String
    ) throws(TasksAPIError) -> Step<T> {
        switch outcome {
        case .answer(let status, _, let body) where (200...299).contains(status):
            return .done(try APIEnvelope.decode(T.self, from: body, status: status))
        case .answer(let status, let retryAfter, let body):
            let wait = retryAfter.flatMap { RetryAfter.parse($0, now: Date()) }
            return .failed(.status(status, retryAfter: wait), APIEnvelope.error(status: status, body: body))
        case .connectionFailed(let detail):
            return .failed(.connection, .unreachable(detail: detail))
        case .timedOut:
            throw .timeout(after: budget, method: method)
        case .cancelled:
            throw .unreachable(detail: "cancelled by the caller")
        }
    }

    private func makeURLRequest(_ request: Request, requestID: String) throws(TasksAPIError) -> URLRequest {
        guard var components = URLComponents(url: configuration.baseURL, resolvingAgainstBaseURL: false) else {
            throw .misconfigured("base URL cannot be read")
        }
        let basePath = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = basePath + request.path
        let items = request.query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        guard let url = components.url else { throw .misconfigured("cannot build a URL for \(request.path)") }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        // A backstop only: HTTPAttempt enforces the real deadline.
        urlRequest.timeoutInterval = Double(Self.milliseconds(configuration.requestTimeout)) / 1000 + 5
        let credential = configuration.credential.header
        urlRequest.setValue(credential.value, forHTTPHeaderField: credential.name)
        urlRequest.setValue(requestID, forHTTPHeaderField: "X-Request-Id")
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        urlRequest.setValue("taskbot", forHTTPHeaderField: "User-Agent")
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return urlRequest
    }

    /// One debug line per attempt: method, path, outcome, time; never headers or bodies.
    private func log(_ outcome: AttemptOutcome, _ request: Request, requestID: String, attempt: Int, elapsed: Duration)
    {
        var fields = [
            "request_id": requestID, "http_method": request.method, "http_path": request.path,
            "attempt": "\(attempt)", "duration_ms": "\(Self.milliseconds(elapsed))",
        ]
        let result: String
        switch outcome {
        case .answer(let status, _, _):
            fields["http_status"] = "\(status)"
            result = "\(status)"
        case .connectionFailed(let detail):
            fields["error"] = detail
            result = "unreachable"
        case .timedOut:
            fields["error"] = "timeout"
            result = "timeout"
        case .cancelled:
            fields["error"] = "cancelled"
            result = "cancelled"
        }
        logger.debug("tasks API call", fields)
        configuration.observer?(
            TasksAPIAttempt(method: request.method, result: result, seconds: Double(Self.milliseconds(elapsed)) / 1000))
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
