import Dispatch

/// The executor for tasks that may block a thread: request handlers, the bot's store calls (SQLite
/// waits on locks and disk) and its worker.
///
/// It runs jobs on a concurrent dispatch queue, whose pool libdispatch widens while its threads are
/// blocked, instead of on Swift's cooperative pool, which has one thread per core (two here): a few
/// blocking calls there would stall every other task of the process, timers and acknowledgements
/// included.
public final class BlockingWorkExecutor: TaskExecutor {
    /// The one shared by the whole process.
    public static let shared = BlockingWorkExecutor()

    private let queue = DispatchQueue(label: "taskbot.blocking-work", attributes: .concurrent)

    private init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
