import Foundation
import Synchronization
import Testing

@testable import Bot

@Suite("Acknowledgement deadlines")
struct DeadlineTimerTests {
    /// Schedules an action on `timer` and answers how long after scheduling it ran.
    static func firing(on timer: DeadlineTimer, after delay: Duration) async -> Duration {
        let start = ContinuousClock.now
        return await withCheckedContinuation { continuation in
            timer.schedule(at: start + delay) { continuation.resume(returning: ContinuousClock.now - start) }
        }
    }

    // Upper bounds are loose: a full test run can hold the task pool up for seconds.
    @Test("an action runs after its deadline, never before")
    func runsAfterDeadline() async {
        let elapsed = await Self.firing(on: DeadlineTimer(slack: .milliseconds(10)), after: .milliseconds(50))
        #expect(elapsed >= .milliseconds(50))
        #expect(elapsed < .seconds(30))
    }

    @Test("a shorter deadline scheduled after a longer one is not held back by it")
    func earlierDeadlineAfterLater() async {
        let timer = DeadlineTimer(slack: .milliseconds(10))
        let longRan = OnceFlag()
        timer.schedule(at: .now + .seconds(60)) { _ = longRan.claim() }
        let elapsed = await Self.firing(on: timer, after: .milliseconds(50))
        #expect(elapsed >= .milliseconds(50))
        #expect(elapsed < .seconds(30))
        #expect(longRan.claim(), "the one-minute action ran early")
    }

    @Test("many deadlines each run once, in time order")
    func manyDeadlines() async {
        let timer = DeadlineTimer(slack: .milliseconds(10))
        let order = Recorded<[Int]>([])
        let start = ContinuousClock.now
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            for index in (0..<100).reversed() {
                timer.schedule(at: start + .milliseconds(index)) {
                    let finished = order.update { order -> Bool in
                        order.append(index)
                        return order.count == 100
                    }
                    if finished { done.resume() }
                }
            }
        }
        #expect(order.value == Array(0..<100))
    }

    @Test("work that outlasts the budget is reported late, and its result goes to late")
    func raceLate() async throws {
        let (gate, open) = AsyncStream<Void>.makeStream()
        let delivered = Recorded<String?>(nil)
        let outcome = await AcknowledgementRace.run(budget: 0.05) {
            for await _ in gate { break }
            return "answer"
        } late: { value in
            delivered.update { $0 = value }
        }
        guard case .late = outcome else {
            Issue.record("expected .late, got \(outcome)")
            return
        }
        open.yield()
        let start = ContinuousClock.now
        while delivered.value == nil, ContinuousClock.now - start < .seconds(30) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(delivered.value == "answer")
    }

    @Test("work that finishes within the budget is the answer")
    func raceInTime() async {
        let outcome = await AcknowledgementRace.run(budget: 1.5) {
            "answer"
        } late: { _ in
            Issue.record("late called for work that finished in time")
        }
        guard case .inTime(let value) = outcome else {
            Issue.record("expected .inTime, got \(outcome)")
            return
        }
        #expect(value == "answer")
    }
}

/// A value that escaping closures on other tasks update.
final class Recorded<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    var value: Value { storage.withLock { $0 } }

    func update<Result: Sendable>(_ body: (inout Value) -> Result) -> Result { storage.withLock { body(&$0) } }
}
