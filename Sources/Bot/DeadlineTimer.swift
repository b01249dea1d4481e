import Dispatch
import Synchronization

/// Calls actions at their deadlines from one dispatch timer for all of them.
///
/// Every slash command and click races its work against the acknowledgement budget. A `Task.sleep` per
/// race arms a dispatch timer and wakes libdispatch's timer thread for each request, which cost about a
/// tenth of the CPU of a whole acknowledgement, although almost every race is won by the work long before
/// its deadline. Here deadlines wait in a list ordered by time and one dispatch timer waits for the earliest,
/// then runs every action that is due. An action never runs before its deadline, and at most `slack`
/// after it (plus scheduling delay): waking `slack` late lets one wake-up serve all the deadlines of
/// that span, so a busy second costs about one wake-up per `slack` instead of one per request.
final class DeadlineTimer: Sendable {
    private struct Pending {
        let deadline: ContinuousClock.Instant
        let action: @Sendable () -> Void
    }

    private struct State {
        /// Ordered by deadline.
        var pending: [Pending] = []
        /// When the armed timer that drains `pending` fires next; nil when none is armed.
        var wake: ContinuousClock.Instant?
    }

    private let slack: Duration
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "taskbot.deadlines")

    init(slack: Duration) {
        self.slack = slack
    }

    /// Calls `action` once, soon after `deadline`, on the timer's queue: it must be quick (resume a
    /// continuation, say) and must not block.
    func schedule(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        let wake = deadline + slack
        let needsSleeper = state.withLock { state -> Bool in
            // Deadlines mostly come in order, so the search from the end stops at once.
            let index = (state.pending.lastIndex { $0.deadline <= deadline } ?? -1) + 1
            state.pending.insert(Pending(deadline: deadline, action: action), at: index)
            if let sleeping = state.wake, sleeping <= wake { return false }
            state.wake = wake
            return true
        }
        if needsSleeper { arm(at: wake) }
    }

    /// Runs `fire` at `wake` on the timer's own dispatch queue: its thread is libdispatch's, so deadlines
    /// pass on time even when every thread of Swift's cooperative pool is busy or blocked.
    private func arm(at wake: ContinuousClock.Instant) {
        let delay = max(wake - .now, .zero).components
        let nanoseconds = delay.seconds * 1_000_000_000 + delay.attoseconds / 1_000_000_000
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { self.fire(wake) }
    }

    /// Runs the actions that are due and re-arms for the next one, while this wake-up is the one `state`
    /// records. One superseded by an earlier wake-up (a shorter deadline came in) still runs what is due,
    /// then stops.
    private func fire(_ wake: ContinuousClock.Instant) {
        let (due, next) = state.withLock { state -> ([Pending], ContinuousClock.Instant?) in
            let now = ContinuousClock.now
            let count = state.pending.firstIndex { $0.deadline > now } ?? state.pending.count
            let due = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            guard state.wake == wake else { return (due, nil) }
            state.wake = state.pending.first.map { $0.deadline + slack }
            return (due, state.wake)
        }
        for pending in due { pending.action() }
        if let next { arm(at: next) }
    }
}
