import CShims
import Foundation
import Support

/// One client connection, owned by its event loop and touched only on that loop's thread.
///
/// It reads into the parser, hands complete requests to their handler one at a time (pipelined requests
/// wait in the parser's buffer, so responses leave in order), writes each response with as few writes as
/// possible and enforces the head, body and idle deadlines.
final class Connection {
    /// What the connection is waiting for; each phase has its own deadline.
    enum Phase {
        case head, body, handler, writing, idle, closing
    }

    /// The request whose handler is running.
    struct InFlight: Sendable {
        var method: String
        var path: String
        var requestID: String
        var keepAlive: Bool
        var omitBody: Bool
        var startedAt: UInt64
    }

    /// More unparsed bytes than this (pipelined requests) pause reading until the current response is done.
    static let pipelineLimit = 64 * 1024
    /// More unsent response bytes than this pause reading and starting requests: a client that pipelines
    /// without reading cannot make the server buffer responses without bound.
    static let outputLimit = 64 * 1024

    let fd: Int32
    let id: UInt64
    unowned let loop: EventLoop
    let tls: TLSConnection?
    var parser: HTTPRequestParser
    var output: [UInt8] = []
    var outputSent = 0
    var interest = EPOLLIN.rawValue
    var readWaitsForWritable = false
    var writeWaitsForReadable = false
    var peerFinished = false
    var closeWhenFlushed = false
    var lingering = false
    var isClosed = false
    var inFlight: InFlight?
    var phase = Phase.head
    var deadline: UInt64
    /// When the current head phase began (accept, or the end of the previous request): the start of a
    /// refused request's duration.
    var headStartedAt: UInt64
    var remoteAddress: String?

    init(fd: Int32, id: UInt64, loop: EventLoop, tls: TLSConnection?) {
        self.fd = fd
        self.id = id
        self.loop = loop
        self.tls = tls
        parser = HTTPRequestParser(limits: loop.core.configuration.parserLimits)
        deadline = loop.now + loop.core.headNanoseconds
        headStartedAt = loop.now
    }

    var core: ServerCore { loop.core }

    /// Reacts to epoll readiness.
    func handle(events: UInt32) {
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && events & EPOLLIN.rawValue == 0 {
            abort()
            return
        }
        drive()
    }

    /// Moves everything forward as far as it can go without blocking.
    func drive() {
        guard !isClosed else { return }
        if lingering {
            discardInput()
            return
        }
        if outputSent < output.count { flush() }
        if isClosed { return }
        if wantsToRead { readAvailable() }
        if isClosed { return }
        processRequests()
        flush()
        if isClosed { return }
        if outputSent == output.count {
            if closeWhenFlushed {
                finish()
                return
            }
            if peerFinished && inFlight == nil {
                close()
                return
            }
        }
        updatePhase()
        updateInterest()
    }

    /// True while unsent output is small enough to take on more work.
    var hasOutputRoom: Bool { output.count - outputSent < Self.outputLimit }

    private var wantsToRead: Bool {
        guard !peerFinished && !closeWhenFlushed && hasOutputRoom else { return false }
        return inFlight == nil || parser.bufferedByteCount < Self.pipelineLimit
    }

    private func updateInterest() {
        var wanted: UInt32 = 0
        if wantsToRead || writeWaitsForReadable { wanted |= EPOLLIN.rawValue }
        if readWaitsForWritable || (outputSent < output.count && !writeWaitsForReadable) {
            wanted |= EPOLLOUT.rawValue
        }
        if wanted != interest {
            interest = wanted
            loop.modify(fd, events: wanted)
        }
    }

    private func updatePhase() {
        let next: Phase
        if inFlight != nil {
            next = .handler
        } else if parser.isReceivingBody {
            next = .body
        } else if outputSent < output.count {
            next = .writing
        } else if parser.hasPartialRequest || phase == .head {
            next = .head
        } else {
            next = .idle
        }
        guard next != phase else { return }
        phase = next
        switch next {
        case .head:
            deadline = loop.now + core.headNanoseconds
            headStartedAt = loop.now
        case .body: deadline = loop.now + core.bodyNanoseconds
        case .writing, .idle: deadline = loop.now + core.idleNanoseconds
        case .handler: deadline = .max
        case .closing: break
        }
    }
}
