import Foundation
import Testing

@testable import TasksAPI

@Suite("Retry decisions and Retry-After, without I/O")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(250), maxBackoff: .seconds(4))
    /// Picks the upper bound, so the expected waits are exact.
    let highest: (Duration) -> Duration = { $0 }

    @Test(
        "retries connection errors, 429 and 5xx; not timeouts or other statuses",
        arguments: [
            (RetryPolicy.Failure.connection, true), (.status(429, retryAfter: nil), true),
            (.status(500, retryAfter: nil), true), (.status(503, retryAfter: nil), true),
            (.status(599, retryAfter: nil), true), (.timeout, false), (.status(400, retryAfter: nil), false),
            (.status(401, retryAfter: nil), false), (.status(403, retryAfter: nil), false),
            (.status(404, retryAfter: nil), false), (.status(409, retryAfter: nil), false),
        ])
    func retryable(failure: RetryPolicy.Failure, retried: Bool) {
        let wait = policy.delay(afterAttempt: 1, failure: failure, remaining: .seconds(20), random: highest)
        #expect((wait != nil) == retried)
    }

    @Test(
        "the backoff bound doubles from 250 ms and stops at 4 s",
        arguments: [
            (1, 250), (2, 500), (3, 1000), (4, 2000), (5, 4000), (6, 4000), (40, 4000),
        ])
    func backoffBound(attempt: Int, milliseconds: Int) {
        #expect(policy.backoffBound(afterAttempt: attempt) == .milliseconds(milliseconds))
    }

    @Test("full jitter can wait anything from zero to the bound")
    func fullJitter() {
        let lowest = policy.delay(afterAttempt: 2, failure: .connection, remaining: .seconds(20)) { _ in .zero }
        let top = policy.delay(afterAttempt: 2, failure: .connection, remaining: .seconds(20), random: highest)
        #expect(lowest == .zero)
        #expect(top == .milliseconds(500))
        for _ in 0..<200 {
            let jitter = RetryPolicy.fullJitter(.milliseconds(500))
            #expect(jitter >= .zero && jitter <= .milliseconds(500))
        }
    }

    @Test("gives up after the last attempt")
    func lastAttempt() {
        #expect(policy.delay(afterAttempt: 3, failure: .connection, remaining: .seconds(20), random: highest) == nil)
    }

    @Test("a longer Retry-After wins over the backoff; one past the deadline ends the call")
    func retryAfterWins() {
        let asked = RetryPolicy.Failure.status(503, retryAfter: .seconds(2))
        #expect(policy.delay(afterAttempt: 1, failure: asked, remaining: .seconds(20), random: highest) == .seconds(2))
        #expect(policy.delay(afterAttempt: 1, failure: asked, remaining: .seconds(2), random: highest) == nil)
        let short = RetryPolicy.Failure.status(503, retryAfter: .milliseconds(10))
        #expect(
            policy.delay(afterAttempt: 1, failure: short, remaining: .seconds(20), random: highest)
                == .milliseconds(250))
    }

    static let now = Date(timeIntervalSince1970: 1_796_310_000)  // Thu, 03 Dec 2026 15:00:00 GMT

    @Test(
        "reads Retry-After as seconds or as any of the three HTTP date forms",
        arguments: [
            ("3", 3000), (" 120 ", 120_000), ("0", 0),
            ("Thu, 03 Dec 2026 15:00:05 GMT", 5000),
            ("Thursday, 03-Dec-26 15:00:07 GMT", 7000),
            ("Thu Dec  3 15:00:09 2026", 9000),
            ("Thu, 03 Dec 2026 14:00:00 GMT", 0),
        ])
    func retryAfter(value: String, milliseconds: Int) {
        #expect(RetryAfter.parse(value, now: Self.now) == .milliseconds(milliseconds))
    }

    @Test("ignores a Retry-After it cannot read", arguments: ["soon", "-5", "1.5", "", "Thu, 03 Dec 2026"])
    func unreadableRetryAfter(value: String) {
        #expect(RetryAfter.parse(value, now: Self.now) == nil)
    }
}
