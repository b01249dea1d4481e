import Foundation

/// Decides, after a failed attempt, whether to try again and how long to wait first.
///
/// Pure: the caller supplies the failure, the time left and the random source, so every branch is
/// tested without I/O. Only calls that are safe to repeat reach it (GET, and PATCH, which sets
/// absolute values).
struct RetryPolicy: Sendable {
    /// What went wrong with one attempt.
    enum Failure: Equatable {
        /// An HTTP answer with this status, and the wait its `Retry-After` asked for.
        case status(Int, retryAfter: Duration?)
        /// The connection failed before an answer (refused, reset, DNS).
        case connection
        /// No answer within the attempt's deadline. Not retried: the caller has already waited the
        /// whole per-call deadline, and an API that hangs rarely answers faster a second time.
        case timeout
    }

    var maxAttempts: Int
    var initialBackoff: Duration
    var maxBackoff: Duration

    /// The wait before the next attempt, or nil to give up.
    ///
    /// `attempt` counts from 1 (the attempt that just failed); `remaining` is what is left of the
    /// total deadline; `random(bound)` returns a uniform duration in `0...bound` (full jitter).
    /// A `Retry-After` longer than the jittered backoff wins; one that does not fit in `remaining` ends the call.
    func delay(
        afterAttempt attempt: Int, failure: Failure, remaining: Duration, random: (Duration) -> Duration
    ) -> Duration? {
        guard attempt < maxAttempts, Self.isRetryable(failure) else { return nil }
        let wait = max(random(backoffBound(afterAttempt: attempt)), requestedWait(failure))
        return wait < remaining ? wait : nil
    }

    /// The cap of the jittered wait after `attempt`: `initialBackoff * 2^(attempt-1)`, at most `maxBackoff`.
    func backoffBound(afterAttempt attempt: Int) -> Duration {
        let doublings = min(max(attempt - 1, 0), 30)
        return min(initialBackoff * (1 << doublings), maxBackoff)
    }

    /// Connection errors, 429 and 5xx are worth another attempt; everything else is final.
    static func isRetryable(_ failure: Failure) -> Bool {
        switch failure {
        case .connection: true
        case .timeout: false
        case .status(let status, _): status == 429 || (500...599).contains(status)
        }
    }

    private func requestedWait(_ failure: Failure) -> Duration {
        if case .status(_, let retryAfter?) = failure { return retryAfter }
        return .zero
    }

    /// A uniform random duration in `0...bound`, at millisecond resolution.
    static func fullJitter(_ bound: Duration) -> Duration {
        let milliseconds = bound.components.seconds * 1000 + bound.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64.random(in: 0...milliseconds))
    }
}

/// Reads a `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
enum RetryAfter {
    /// The wait the header asks for, measured from `now`; nil when the value is neither form.
    /// A date in the past asks for no wait.
    static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            return .seconds(Int64(text) ?? Int64.max / 1_000_000_000_000)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded(.up)))
            }
        }
        return nil
    }

    /// IMF-fixdate, then the two obsolete forms a recipient must accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy",
    ]
}
