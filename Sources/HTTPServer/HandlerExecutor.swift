import Dispatch

/// The executor request handlers start on: a concurrent dispatch queue, whose threads grow when
/// handlers block, instead of the shared cooperative pool (two threads on a two-core machine), so that
/// blocking code elsewhere in the process cannot starve the server's handlers.
final class HandlerExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "taskbot.http.handlers", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
