import CShims
import Foundation
import Support
import Synchronization

/// One epoll loop on its own thread. It accepts from the shared listening socket (EPOLLEXCLUSIVE, so one
/// loop wakes per connection), hands each new connection to the least loaded loop, owns its connections,
/// checks their deadlines and takes handler results and adopted connections from other threads through
/// `post(_:)`.
final class EventLoop: @unchecked Sendable {
    // @unchecked: all mutable state is touched only on the loop's own thread; other threads use only
    // `post(_:)`, which goes through a Mutex and an eventfd.

    /// Messages waiting for the loop thread; closed once the loop has stopped.
    private struct Inbox {
        var messages: [Message] = []
        var closed = false
    }

    /// Work handed to the loop from other threads.
    enum Message: Sendable {
        /// A handler finished; `connectionID` guards against a reused descriptor, `request` logs an answer
        /// whose connection has gone.
        case response(fd: Int32, connectionID: UInt64, response: HTTPResponse, request: Connection.InFlight)
        /// Stop accepting, close idle connections, let the rest finish until `deadline` (monotonic ns).
        case drain(deadline: UInt64)
        /// A connection another loop accepted for this one; already counted in `load`.
        case adopt(fd: Int32)
    }

    let core: ServerCore
    let index: Int
    let epollFD: Int32
    private let wakeFD: Int32
    let listenFD: Int32
    private let inbox = Mutex(Inbox())
    private let wakePending = Atomic<Bool>(false)
    private let onStopped: @Sendable () -> Void
    /// Connections this loop owns plus those handed to it and not yet adopted; read by every loop when
    /// it places a new connection.
    let load = Atomic<Int>(0)
    /// Every loop of the server, this one included; set before any loop runs, read-only afterwards.
    var peers: [EventLoop] = []

    var slots: [Connection?] = []
    var connectionCount = 0
    var nextConnectionID: UInt64 = 0
    var accepting = true
    /// Connections closed at the connection limit since the last warning, and when the next may be logged.
    var refusedSinceWarning = 0
    var limitWarningDue: UInt64 = 0
    var acceptResumesAt: UInt64?
    private var drainDeadline: UInt64?
    var nextScan: UInt64 = 0
    let scanInterval: UInt64
    /// Scratch space every read on this loop lands in before the parser copies it.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    /// The loop's clock, refreshed after every epoll_wait.
    private(set) var now: UInt64 = SystemCall.monotonicNanoseconds()
    var date = HTTPDate()
    /// Formats the per-request log lines of this loop's connections.
    var requestLog: RequestLog

    var isDraining: Bool { drainDeadline != nil }

    init(core: ServerCore, index: Int, listenFD: Int32, onStopped: @escaping @Sendable () -> Void) throws {
        let epollFD = try SystemCall.check("epoll_create1") { epoll_create1(Int32(EPOLL_CLOEXEC)) }
        let wakeFD: Int32
        do {
            wakeFD = try SystemCall.check("eventfd") { eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC)) }
        } catch {
            SystemCall.close(epollFD)
            throw error
        }
        self.core = core
        self.index = index
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        self.listenFD = listenFD
        self.onStopped = onStopped
        requestLog = RequestLog(logger: core.logger)
        let shortest = min(core.headNanoseconds, core.bodyNanoseconds, core.idleNanoseconds)
        scanInterval = min(max(shortest / 10, 10_000_000), 250_000_000)
        try register(wakeFD, events: EPOLLIN.rawValue)
        try register(listenFD, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
    }

    deinit {
        readBuffer.deallocate()
        SystemCall.close(epollFD)
        SystemCall.close(wakeFD)
    }

    /// Queues `message` for the loop thread and wakes it if needed; false once the loop has stopped.
    /// Callable from any thread.
    @discardableResult
    func post(_ message: Message) -> Bool {
        let queued = inbox.withLock { inbox in
            guard !inbox.closed else { return false }
            inbox.messages.append(message)
            return true
        }
        guard queued else { return false }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
        return true
    }

    /// Runs until a drain finishes; then calls `onStopped`.
    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 128)
        while true {
            let count = epoll_wait(epollFD, &events, Int32(events.count), waitMilliseconds())
            now = SystemCall.monotonicNanoseconds()
            if count < 0 && errno != EINTR {
                core.logger.error("epoll_wait failed", ["error": SystemCallError("epoll_wait").description])
                break
            }
            for index in 0..<max(Int(count), 0) { dispatch(events[index]) }
            if now >= nextScan { scan() }
            requestLog.flush()
            if let drainDeadline, connectionCount == 0 || now >= drainDeadline { break }
        }
        for connection in slots.compactMap({ $0 }) {
            if let request = connection.inFlight { logCutOff(request) }
            connection.abort()
        }
        requestLog.flush()
        let unread = inbox.withLock { inbox in
            inbox.closed = true
            return inbox.messages
        }
        for case .adopt(let fd) in unread { discard(fd) }
        onStopped()
    }

    private func waitMilliseconds() -> Int32 {
        if connectionCount == 0 && drainDeadline == nil && acceptResumesAt == nil { return -1 }
        let remaining = nextScan > now ? nextScan - now : 0
        return Int32(max(1, (remaining + 999_999) / 1_000_000))
    }

    private func dispatch(_ event: epoll_event) {
        let fd = event.data.fd
        if fd == wakeFD {
            takeMessages()
        } else if fd == listenFD {
            acceptConnections()
        } else if Int(fd) < slots.count, let connection = slots[Int(fd)] {
            connection.handle(events: event.events)
        }
    }

    private func takeMessages() {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        wakePending.store(false, ordering: .releasing)
        let messages = inbox.withLock { inbox in
            defer { inbox.messages.removeAll(keepingCapacity: true) }
            return inbox.messages
        }
        for message in messages {
            switch message {
            case .response(let fd, let id, let response, let request):
                guard Int(fd) < slots.count, let connection = slots[Int(fd)], connection.id == id else {
                    logAbandoned(request, response: response)
                    continue
                }
                connection.handlerFinished(response)
            case .drain(let deadline):
                beginDrain(deadline: deadline)
            case .adopt(let fd):
                adopt(fd)
            }
        }
    }

    /// The one line (and count) of a request whose client closed the connection before its answer.
    private func logAbandoned(_ request: Connection.InFlight, response: HTTPResponse) {
        let elapsed = now >= request.startedAt ? now - request.startedAt : 0
        let route = core.router.isRoute(request.path) ? request.path : "other"
        core.configuration.requestObserver?(
            RequestSummary(route: route, status: response.status, seconds: Double(elapsed) / 1_000_000_000))
        guard core.logsRequests else { return }
        core.logger.info(
            "request",
            [
                "method": request.method, "path": request.path, "status": String(response.status), "bytes": "0",
                "duration_ms": RequestLog.milliseconds(elapsed), "request_id": request.requestID,
                "outcome": "the client closed the connection before the answer",
            ])
    }

    /// The one line of a request still running when the shutdown grace ran out; its answer is dropped.
    private func logCutOff(_ request: Connection.InFlight) {
        guard core.logsRequests else { return }
        let elapsed = now >= request.startedAt ? now - request.startedAt : 0
        core.logger.info(
            "request",
            [
                "method": request.method, "path": request.path, "status": "-", "bytes": "0",
                "duration_ms": RequestLog.milliseconds(elapsed), "request_id": request.requestID,
                "outcome": "cut off when the shutdown grace ran out",
            ])
    }

    private func beginDrain(deadline: UInt64) {
        guard drainDeadline == nil else { return }
        drainDeadline = deadline
        stopAccepting()
        for connection in slots.compactMap({ $0 }) { connection.drain() }
    }

    private func stopAccepting() {
        guard accepting else { return }
        accepting = false
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
    }
}
