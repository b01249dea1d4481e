import Support
import Synchronization

/// What every event loop of one server shares: settings, routes, the current TLS context and counters.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let logger: Logger
    /// True when per-request lines are written (checked before building them).
    let logsRequests: Bool
    let requestIDs = RequestIDGenerator()
    /// Where handler tasks run.
    let handlerExecutor = BlockingWorkExecutor.shared
    /// The context new connections use; `reloadTLS()` swaps it, existing connections keep theirs.
    let tlsContext: Mutex<TLSContext?>
    private let openConnections = Atomic<Int>(0)

    let headNanoseconds: UInt64
    let bodyNanoseconds: UInt64
    let idleNanoseconds: UInt64

    init(configuration: ServerConfiguration, router: Router, logger: Logger) {
        self.configuration = configuration
        self.router = router
        self.logger = logger
        logsRequests = logger.minimumLevel <= .info
        tlsContext = Mutex(nil)
        headNanoseconds = configuration.headDeadline.nanoseconds
        bodyNanoseconds = configuration.bodyDeadline.nanoseconds
        idleNanoseconds = configuration.idleTimeout.nanoseconds
    }

    var currentTLSContext: TLSContext? { tlsContext.withLock { $0 } }

    /// Counts a new connection unless the limit is reached.
    func reserveConnection() -> Bool {
        let count = openConnections.add(1, ordering: .relaxed).newValue
        if count <= configuration.maxConnections { return true }
        openConnections.subtract(1, ordering: .relaxed)
        return false
    }

    func releaseConnection() { openConnections.subtract(1, ordering: .relaxed) }

    var connectionCount: Int { openConnections.load(ordering: .relaxed) }
}
