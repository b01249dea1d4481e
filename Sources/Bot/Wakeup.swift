import Foundation
import Synchronization

/// Lets one waiting task sleep until it is signalled or a timeout passes, whichever comes first.
/// A signal sent while nobody waits is remembered, so a wake-up is never lost.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var generation = 0
    }

    private let state = Mutex(State())
    private static let timers = DispatchQueue(label: "taskbot.wakeup-timers")

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns after a signal or after `timeout` seconds.
    func wait(timeout: TimeInterval) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let generation = state.withLock { state -> Int? in
                if state.pending {
                    state.pending = false
                    return nil
                }
                state.generation += 1
                state.waiter = continuation
                return state.generation
            }
            guard let generation else {
                continuation.resume()
                return
            }
            // A dispatch timer, not a sleeping task: the time-out must pass even while the cooperative
            // pool is busy.
            Wakeup.timers.asyncAfter(deadline: .now() + max(timeout, 0)) { self.timeOut(generation: generation) }
        }
    }

    private func timeOut(generation: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.generation == generation, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
