import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The result of sending one request once.
public enum AttemptOutcome: Sendable {
    /// An HTTP answer: status, `Retry-After` value if any, body.
    case answer(status: Int, retryAfter: String?, body: Data)
    /// The transport failed before an answer; the text names the error code only (never the URL, which
    /// may be a capability such as a Slack response URL).
    case connectionFailed(String)
    /// The deadline passed first; the request was cancelled.
    case timedOut
    /// The calling task was cancelled.
    case cancelled
}

/// Sends one request with a hard deadline: whichever of the answer, the deadline or the caller's
/// cancellation comes first decides the outcome, and the others are ignored.
///
/// A racing continuation rather than `URLSession.data(for:)` in a task group: the group would wait
/// for the data task to notice cancellation, so the deadline would only be as good as libcurl's.
public final class HTTPAttempt: Sendable {
    private struct State {
        var continuation: CheckedContinuation<AttemptOutcome, Never>?
        var outcome: AttemptOutcome?
        var task: URLSessionDataTask?
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    /// The one thread that creates, starts and cancels data tasks. FoundationNetworking runs a session on
    /// one serial queue, and `dataTask(with:)`, `resume()` and `cancel()` wait on it synchronously: called
    /// from the blocking-work pool, every caller held a thread while it waited, and under load libdispatch
    /// kept adding threads (20 to 41 in two minutes of bench/load.sh, each with its own malloc arena).
    private static let control = DispatchQueue(label: "taskbot.http-attempt")

    /// Sends `request` on `session` and waits at most `timeout`.
    public static func send(_ request: URLRequest, on session: URLSession, timeout: Duration) async -> AttemptOutcome {
        let attempt = HTTPAttempt()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                attempt.start(request, on: session, timeout: timeout, continuation: continuation)
            }
        } onCancel: {
            attempt.finish(.cancelled)
        }
    }

    private func start(
        _ request: URLRequest, on session: URLSession, timeout: Duration,
        continuation: CheckedContinuation<AttemptOutcome, Never>
    ) {
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { finish(.timedOut) }
        }
        let early = state.withLock { state -> AttemptOutcome? in
            state.timer = timer
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            return nil
        }
        if let early {
            // Cancelled before the request started.
            timer.cancel()
            continuation.resume(returning: early)
            return
        }
        Self.control.async { [self] in
            let task = session.dataTask(with: request) { [self] data, response, error in
                finish(Self.outcome(data: data, response: response, error: error))
            }
            // A deadline or cancellation that came first leaves nothing to start.
            let started = state.withLock { state -> Bool in
                guard state.outcome == nil else { return false }
                state.task = task
                return true
            }
            if started { task.resume() }
        }
    }

    /// Records the first outcome, resumes the waiter and stops the loser of the race.
    private func finish(_ outcome: AttemptOutcome) {
        let waiting = state.withLock { state -> State? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer { state.continuation = nil }
            return state
        }
        guard let waiting, let continuation = waiting.continuation else { return }
        waiting.timer?.cancel()
        if case .answer = outcome {
        } else if let task = waiting.task {
            // Not inline: `finish` may run inside a task-cancellation handler, and URLSessionTask.cancel()
            // waits synchronously on the session's queue, which can be waiting on the cancelling thread.
            // On `control`, so that it always comes after the task's `resume()`.
            Self.control.async { task.cancel() }
        }
        continuation.resume(returning: outcome)
    }

    private static func outcome(data: Data?, response: URLResponse?, error: (any Error)?) -> AttemptOutcome {
        if let error {
            if let urlError = error as? URLError, urlError.code == .timedOut { return .timedOut }
            if let urlError = error as? URLError { return .connectionFailed("URLError \(urlError.code.rawValue)") }
            return .connectionFailed(String(describing: type(of: error)))
        }
        guard let http = response as? HTTPURLResponse else { return .connectionFailed("no HTTP response") }
        let retryAfter = http.value(forHTTPHeaderField: "Retry-After")
        return .answer(status: http.statusCode, retryAfter: retryAfter, body: data ?? Data())
    }
}
