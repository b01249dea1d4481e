import CShims
import Foundation

extension EventLoop {
    /// Accepts a batch of pending connections and places each on the least loaded loop; beyond
    /// `maxConnections` each one is closed at once.
    ///
    /// EPOLLEXCLUSIVE wakes one loop for a burst of connections, and that loop would otherwise own the whole
    /// burst (wrk's 32 connections, a client pool opening at once) while the other cores idle.
    func acceptConnections() {
        guard accepting else { return }
        for _ in 0..<64 {
            let fd = taskbot_accept4(listenFD, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
            if fd < 0 {
                let code = errno
                if code == EINTR || code == ECONNABORTED { continue }
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM { pauseAccepting(code) }
                return
            }
            guard core.reserveConnection() else {
                SystemCall.close(fd)
                refusedAtLimit()
                continue
            }
            let target = leastLoadedPeer()
            target.load.add(1, ordering: .relaxed)
            if target === self {
                open(fd)
            } else if !target.post(.adopt(fd: fd)) {
                target.discard(fd)
            }
        }
    }

    /// Counts a connection closed at the limit; warns at most once a minute with the count since.
    private func refusedAtLimit() {
        refusedSinceWarning += 1
        guard now >= limitWarningDue else { return }
        core.logger.warning(
            "connections refused: limit reached",
            ["limit": String(core.configuration.maxConnections), "refused": String(refusedSinceWarning)])
        refusedSinceWarning = 0
        limitWarningDue = now + 60_000_000_000
    }

    /// The loop with the fewest connections, this one when it ties for fewest.
    private func leastLoadedPeer() -> EventLoop {
        var best = self
        var bestLoad = load.load(ordering: .relaxed)
        for peer in peers where peer !== self {
            let peerLoad = peer.load.load(ordering: .relaxed)
            if peerLoad < bestLoad { (best, bestLoad) = (peer, peerLoad) }
        }
        return best
    }

    /// Takes over a connection another loop accepted; a draining loop closes it instead.
    func adopt(_ fd: Int32) {
        guard !isDraining else {
            discard(fd)
            return
        }
        open(fd)
    }

    /// Closes a connection placed on this loop that never became a `Connection` and gives back its place.
    /// Touches only atomics, so another loop may call it when this one has stopped.
    func discard(_ fd: Int32) {
        SystemCall.close(fd)
        load.subtract(1, ordering: .relaxed)
        core.releaseConnection()
    }

    /// Sets up a connection already counted in `load` and in the server's limit.
    private func open(_ fd: Int32) {
        SystemCall.setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        let tls: TLSConnection?
        do {
            tls = try core.currentTLSContext.map { context throws(TLSError) in
                try TLSConnection(context: context, fd: fd)
            }
        } catch {
            core.logger.warning("TLS setup failed", ["error": error.description])
            discard(fd)
            return
        }
        nextConnectionID += 1
        let connection = Connection(fd: fd, id: nextConnectionID, loop: self, tls: tls)
        do {
            try register(fd, events: EPOLLIN.rawValue)
        } catch {
            discard(fd)
            return
        }
        if Int(fd) >= slots.count { slots.append(contentsOf: repeatElement(nil, count: Int(fd) + 64 - slots.count)) }
        slots[Int(fd)] = connection
        connectionCount += 1
    }

    /// Forgets a connection and closes its descriptor (called by the connection itself).
    func remove(_ connection: Connection) {
        guard Int(connection.fd) < slots.count, slots[Int(connection.fd)] === connection else { return }
        slots[Int(connection.fd)] = nil
        connectionCount -= 1
        SystemCall.close(connection.fd)
        load.subtract(1, ordering: .relaxed)
        core.releaseConnection()
    }

    func register(_ fd: Int32, events: UInt32) throws(SystemCallError) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        try SystemCall.check("epoll_ctl ADD") { epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) }
    }

    func modify(_ fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    /// Out of descriptors: stop polling the listener for 100 ms instead of spinning on it.
    private func pauseAccepting(_ code: Int32) {
        core.logger.warning("accept paused", ["error": SystemCallError("accept4", code: code).description])
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
        acceptResumesAt = now + 100_000_000
    }

    /// Runs deadline checks on every connection and resumes accepting after a pause.
    func scan() {
        nextScan = now + scanInterval
        if let resume = acceptResumesAt, now >= resume {
            acceptResumesAt = nil
            if accepting { try? register(listenFD, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue) }
        }
        for slot in slots.indices {
            guard let connection = slots[slot], connection.deadline <= now else { continue }
            connection.deadlinePassed()
        }
    }
}
