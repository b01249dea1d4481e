import Foundation
import Support
import Synchronization

/// The HTTP/1.1 server: a listening socket shared by `eventLoopCount` epoll threads, with TLS from
/// OpenSSL or plain HTTP (for loopback use). Handlers run as tasks off the loops.
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(listener: ListeningSocket, loops: [EventLoop])
        case stopped
    }

    /// Descriptors kept beyond `maxConnections` for everything else the process opens.
    static let spareDescriptors = 256

    private let core: ServerCore
    private let tls: TLSConfiguration?
    private let state: Mutex<State>
    private let latch: StopLatch

    /// A server for `router`; `tls` nil serves plain HTTP. Nothing happens until `start()`.
    public init(configuration: ServerConfiguration, tls: TLSConfiguration?, router: Router, logger: Logger) {
        core = ServerCore(configuration: configuration, router: router, logger: logger)
        self.tls = tls
        state = Mutex(.idle)
        latch = StopLatch(count: max(1, configuration.eventLoopCount))
    }

    /// Loads the certificate (if any), binds, starts the event loops and returns the bound port.
    /// Also ignores SIGPIPE, which OpenSSL's writes would otherwise raise when a peer resets.
    @discardableResult
    public func start() throws -> Int {
        SignalHandling.ignoreBrokenPipe()
        if let tls {
            let context = try TLSContext(tls)
            core.tlsContext.withLock { $0 = context }
        }
        let configuration = core.configuration
        // Every connection is a descriptor; the process needs some more for the store, logs and clients.
        let wanted = configuration.maxConnections + Self.spareDescriptors
        let available = DescriptorLimit.raise(to: wanted)
        if available < wanted {
            core.logger.warning(
                "descriptor limit below the connection limit",
                ["limit": String(available), "max_connections": String(configuration.maxConnections)])
        }
        let listener = try ListeningSocket(host: configuration.host, port: configuration.port)
        let latch = self.latch
        let loops = try (0..<max(1, configuration.eventLoopCount)).map { index in
            try EventLoop(core: core, index: index, listenFD: listener.fd) { latch.countDown() }
        }
        for loop in loops { loop.peers = loops }
        try state.withLock { state in
            guard case .idle = state else { throw SystemCallError("start", code: EALREADY) }
            state = .running(listener: listener, loops: loops)
        }
        for loop in loops {
            let thread = Thread { loop.run() }
            thread.name = "http-loop-\(loop.index)"
            thread.start()
        }
        var fields = ["host": configuration.host, "port": String(listener.port), "tls": tls == nil ? "off" : "on"]
        fields["event_loops"] = String(loops.count)
        core.logger.info("listening", fields)
        return listener.port
    }

    /// The SHA-256 fingerprint of the certificate new connections get, or nil without TLS.
    public var certificateFingerprint: String? { core.currentTLSContext?.fingerprint }

    /// Connections open right now, over all loops.
    public var openConnections: Int { core.connectionCount }

    /// Connections each event loop holds right now (placed on it and not yet closed), in loop order;
    /// empty unless running.
    public var connectionsPerLoop: [Int] {
        state.withLock { state in
            guard case .running(_, let loops) = state else { return [] }
            return loops.map { $0.load.load(ordering: .relaxed) }
        }
    }

    /// Re-reads the certificate chain and key. New connections use them; open ones keep the old ones.
    /// On failure the old certificate stays in use and the error is thrown.
    public func reloadTLS() throws {
        guard let tls else { return }
        let context = try TLSContext(tls)
        core.tlsContext.withLock { $0 = context }
    }

    /// Stops accepting, closes idle connections, lets requests in flight finish for up to
    /// `shutdownGrace`, then closes the rest and returns once every loop has stopped.
    public func shutdown() async {
        beginShutdown()
        await waitUntilStopped()
    }

    /// Starts the graceful stop of `shutdown()` without waiting for it; callable from any thread
    /// (a signal handler, for example). Calling it again has no further effect.
    public func beginShutdown() {
        let running: (ListeningSocket, [EventLoop])? = state.withLock { state in
            guard case .running(let listener, let loops) = state else { return nil }
            return (listener, loops)
        }
        guard let (listener, loops) = running else { return }
        let deadline = SystemCall.monotonicNanoseconds() + core.configuration.shutdownGrace.nanoseconds
        for loop in loops { loop.post(.drain(deadline: deadline)) }
        // New connections are refused from now on instead of waiting in the backlog for a reset at exit.
        listener.stopListening()
    }

    /// Returns when the server has stopped (at once if it never started).
    public func waitUntilStopped() async {
        let started = state.withLock { state -> Bool in
            if case .idle = state { return false }
            return true
        }
        guard started else { return }
        await latch.wait()
        state.withLock { state in
            if case .running(_, let loops) = state {
                // Every loop thread has returned, so the loops' references to each other can go.
                for loop in loops { loop.peers = [] }
                state = .stopped
                core.logger.info("stopped")
            }
        }
    }
}
