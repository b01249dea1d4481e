import Foundation
import Support
import Synchronization

/// Runs work that a webhook answer may wait for only so long. When the work finishes within the budget,
/// its result is the answer; otherwise the webhook is answered without it and the result, once ready,
/// goes to `late` (which delivers it through the platform's reply URL).
enum AcknowledgementRace {
    enum Outcome<Value: Sendable>: Sendable {
        case inTime(Value)
        case late
    }

    /// Budgets run out on this timer, within its `slack` after the budget.
    static let deadlines = DeadlineTimer(slack: .milliseconds(10))

    static func run<Value: Sendable>(
        budget: TimeInterval, work: @escaping @Sendable () async -> Value,
        late: @escaping @Sendable (Value) async -> Void
    ) async -> Outcome<Value> {
        let decided = OnceFlag()
        return await withCheckedContinuation { continuation in
            // The work calls the store, which blocks; it must not hold a cooperative-pool thread.
            Task(executorPreference: BlockingWorkExecutor.shared) {
                // The budget starts when the work does. When the task pool is held up, both start late
                // together, and the work still gets its whole budget once it runs.
                deadlines.schedule(at: .now + .seconds(budget)) {
                    if decided.claim() {
                        continuation.resume(returning: .late)
                    }
                }
                let value = await work()
                if decided.claim() {
                    continuation.resume(returning: .inTime(value))
                } else {
                    await late(value)
                }
            }
        }
    }
}

/// A flag that exactly one caller can claim.
final class OnceFlag: Sendable {
    private let claimed = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
