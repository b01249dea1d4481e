import Foundation
import Support

extension Connection {
    /// Starts the next parsed request if none is running; answers parse errors and 100-continue.
    func processRequests() {
        while inFlight == nil && !closeWhenFlushed && hasOutputRoom {
            let request: HTTPParsedRequest?
            do {
                request = try parser.next()
            } catch {
                reject(error)
                return
            }
            guard let request else { break }
            start(request)
        }
        if inFlight == nil && !closeWhenFlushed && parser.wantsContinue {
            output.append(contentsOf: ResponseWriter.continueResponse)
            parser.acknowledgeContinue()
        }
    }

    private func start(_ parsed: HTTPParsedRequest) {
        let requestID = RequestIDGenerator.accepted(parsed.headers.asciiValue("x-request-id")) ?? core.requestIDs.next()
        let target = Self.originForm(parsed.target)
        let path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
        inFlight = InFlight(
            method: parsed.method, path: path, requestID: requestID, keepAlive: parsed.keepAlive,
            omitBody: parsed.method == "HEAD", startedAt: loop.now)
        if let staged = core.router.stagedHandler(method: parsed.method, path: path) {
            switch staged(makeRequest(parsed, target: target, requestID: requestID)) {
            case .respond(let response): complete(response)
            case .continueOffLoop(let work): runOffLoop(work)
            }
            return
        }
        switch core.router.handler(method: parsed.method, path: path) {
        case .failure(let miss):
            complete(miss.response)
        case .success(let handler):
            let request = makeRequest(parsed, target: target, requestID: requestID)
            runOffLoop { await handler(request) }
        }
    }

    /// Runs `work` on the handler executor and posts its response back to this connection's loop.
    private func runOffLoop(_ work: @escaping @Sendable () async -> HTTPResponse) {
        guard let request = inFlight else { return }
        let loop = self.loop
        let message = (fd: fd, id: id)
        Task(executorPreference: core.handlerExecutor) {
            let response = await work()
            loop.post(.response(fd: message.fd, connectionID: message.id, response: response, request: request))
        }
    }

    private func makeRequest(_ parsed: HTTPParsedRequest, target: String, requestID: String) -> HTTPRequest {
        if remoteAddress == nil { remoteAddress = SocketAddress.peer(of: fd)?.text ?? "" }
        return HTTPRequest(
            method: parsed.method, target: target, headers: parsed.headers, body: parsed.body,
            requestID: requestID, remoteAddress: remoteAddress ?? "")
    }

    /// Queues the response of the running request; the caller drives the connection afterwards.
    func complete(_ response: HTTPResponse) {
        guard let current = inFlight else { return }
        inFlight = nil
        // Leave the head phase even when the answer came at once (an inline route, a 404): the next
        // `updatePhase` then starts the idle or the next head deadline from now, not from the accept.
        phase = .handler
        let wantsClose = response.headers.asciiValue("connection").map { $0.lowercased() == "close" } ?? false
        let keepAlive = current.keepAlive && !wantsClose && !loop.isDraining
        let framing = ResponseWriter.Framing(
            omitBody: current.omitBody, keepAlive: keepAlive, requestID: current.requestID)
        ResponseWriter.append(response, framing, date: loop.date.current(), to: &output)
        if !keepAlive { closeWhenFlushed = true }
        if let observer = core.configuration.requestObserver {
            let route = core.router.isRoute(current.path) ? current.path : "other"
            let elapsed = Double(SystemCall.monotonicNanoseconds() - current.startedAt) / 1_000_000_000
            observer(RequestSummary(route: route, status: response.status, seconds: elapsed))
        }
        if core.logsRequests {
            let entry = RequestLog.Entry(
                method: current.method, path: current.path, status: response.status, bytes: response.body.count,
                nanoseconds: SystemCall.monotonicNanoseconds() - current.startedAt, requestID: current.requestID)
            loop.requestLog.write(entry)
        }
    }

    /// A handler's response arrived on the loop: queue it and carry on with the connection.
    func handlerFinished(_ response: HTTPResponse) {
        complete(response)
        drive()
    }

    /// Answers a request that could not be parsed and closes after the answer.
    private func reject(_ error: HTTPParseError) {
        respondAndClose(error.response, reason: error.description)
    }

    /// Sends `response` with `Connection: close`, then closes.
    func respondAndClose(_ response: HTTPResponse, reason: String) {
        let requestID = core.requestIDs.next()
        let framing = ResponseWriter.Framing(omitBody: false, keepAlive: false, requestID: requestID)
        ResponseWriter.append(response, framing, date: loop.date.current(), to: &output)
        closeWhenFlushed = true
        core.configuration.requestObserver?(RequestSummary(route: "unparsed", status: response.status, seconds: nil))
        guard core.logsRequests else { return }
        let line = parser.requestLine
        // The path only, as for every request: a query may carry secrets.
        let path = line.map { Self.originForm($0.target).prefix { $0 != "?" } }.map(String.init)
        core.logger.info(
            "request rejected",
            [
                "method": line?.method ?? "-", "path": path ?? "-", "status": String(response.status),
                "bytes": String(response.body.count), "reason": reason, "request_id": requestID,
                "duration_ms": RequestLog.milliseconds(loop.now >= headStartedAt ? loop.now - headStartedAt : 0),
            ])
    }

    /// A deadline passed: 408 if part of a request arrived, otherwise just close.
    func deadlinePassed() {
        guard !isClosed else { return }
        let partial = (phase == .head && parser.hasPartialRequest) || phase == .body
        if partial && !closeWhenFlushed && outputSent == output.count {
            respondAndClose(.json(408, #"{"error":"request timeout"}"#), reason: "deadline passed")
            drive()
            if !isClosed && !lingering { abort() }
        } else {
            abort()
        }
    }

    /// A graceful stop began: idle connections close now, busy ones after their response.
    func drain() {
        let idle = inFlight == nil && outputSent == output.count && !parser.hasPartialRequest
        if idle || lingering { close() }
    }

    /// `http://host/path?q` becomes `/path?q`; origin-form targets are returned unchanged.
    static func originForm(_ target: String) -> String {
        guard target.utf8.first != UInt8(ascii: "/"), let scheme = target.range(of: "://") else { return target }
        guard let slash = target[scheme.upperBound...].firstIndex(of: "/") else { return "/" }
        return String(target[slash...])
    }
}
