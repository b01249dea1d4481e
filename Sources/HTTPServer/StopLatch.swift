import Foundation

/// Counts event loops down to zero and then resumes everyone waiting in `wait()`.
final class StopLatch: @unchecked Sendable {
    // @unchecked: `remaining` and `waiters` are only touched with `lock` held. (An NSLock rather than
    // Synchronization.Mutex because ThreadSanitizer reported the Mutex's futex hand-off as a race here.)
    private let lock = NSLock()
    private var remaining: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { remaining = count }

    func countDown() {
        lock.lock()
        remaining -= 1
        let ready = remaining <= 0 ? waiters : []
        if remaining <= 0 { waiters = [] }
        lock.unlock()
        for waiter in ready { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            let done = remaining <= 0
            if !done { waiters.append(continuation) }
            lock.unlock()
            if done { continuation.resume() }
        }
    }
}
