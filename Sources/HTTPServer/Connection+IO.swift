import CShims
import Foundation

extension Connection {
    /// Reads until the socket and OpenSSL have nothing more, or reading must pause.
    func readAvailable() {
        if let tls, !tls.isEstablished, refusePlainHTTP() { return }
        let buffer = loop.readBuffer
        while true {
            let result = tls?.read(into: buffer) ?? plainRead(into: buffer)
            switch result {
            case .transferred(let count):
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                readWaitsForWritable = false
                let more = count == buffer.count || tls?.hasBufferedData == true
                if !more || parser.bufferedByteCount >= Self.pipelineLimit { return }
            case .wouldBlock(let waitForWritable):
                readWaitsForWritable = waitForWritable
                return
            case .endOfStream:
                peerFinished = true
                return
            case .failed(let reason):
                core.logger.debug("connection read failed", ["error": reason])
                abort()
                return
            }
        }
    }

    /// Writes as much pending output as the socket takes.
    func flush() {
        while outputSent < output.count {
            let result = output.withUnsafeBytes { bytes in
                let pending = UnsafeRawBufferPointer(rebasing: bytes[outputSent...])
                return tls?.write(pending) ?? plainWrite(pending)
            }
            switch result {
            case .transferred(let count):
                outputSent += count
                if phase == .writing { deadline = loop.now + core.idleNanoseconds }
            case .wouldBlock(let waitForWritable):
                writeWaitsForReadable = !waitForWritable
                return
            case .endOfStream, .failed:
                abort()
                return
            }
        }
        writeWaitsForReadable = false
        if output.capacity > 256 * 1024 { output = [] } else { output.removeAll(keepingCapacity: true) }
        outputSent = 0
    }

    /// A plain HTTP request on the TLS port (a TLS client starts with a handshake record, 0x16; a request
    /// with its method's first letter) gets a plain-text 400 that says so and the connection closes, as
    /// nginx does, instead of a TLS alert the client cannot read. True when the connection was refused.
    private func refusePlainHTTP() -> Bool {
        var first: UInt8 = 0
        guard recv(fd, &first, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)) == 1,
            first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        else { return false }
        let response = HTTPResponse.json(400, #"{"error":"plain HTTP was sent to the HTTPS port; use https://"}"#)
        var bytes: [UInt8] = []
        let framing = ResponseWriter.Framing(omitBody: false, keepAlive: false, requestID: core.requestIDs.next())
        ResponseWriter.append(response, framing, date: loop.date.current(), to: &bytes)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        core.configuration.requestObserver?(RequestSummary(route: "unparsed", status: 400, seconds: nil))
        core.logger.debug("plain HTTP on the TLS port refused", ["remote": SocketAddress.peer(of: fd)?.text ?? ""])
        abort()
        return true
    }

    private func plainRead(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .transferred(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock(waitForWritable: false)
            default: return .failed(SystemCallError("recv").description)
            }
        }
    }

    private func plainWrite(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        while true {
            let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count > 0 { return .transferred(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock(waitForWritable: true)
            default: return .failed(SystemCallError("send").description)
            }
        }
    }

    /// After the last response: send close_notify and FIN, then read and drop whatever the client still
    /// sends (up to 2 s) so that unread bytes do not turn our close into a reset that destroys the response.
    func finish() {
        tls?.shutdown()
        if peerFinished {
            close()
            return
        }
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        lingering = true
        phase = .closing
        deadline = loop.now + 2_000_000_000
        if interest != EPOLLIN.rawValue {
            interest = EPOLLIN.rawValue
            loop.modify(fd, events: interest)
        }
        discardInput()
    }

    func discardInput() {
        let buffer = loop.readBuffer
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 { continue }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == EAGAIN { return }
            close()
            return
        }
    }

    /// Closes politely when nothing is pending (close_notify first), otherwise the same as `abort()`.
    func close() {
        guard !isClosed else { return }
        if outputSent == output.count { tls?.shutdown() }
        abort()
    }

    /// Closes the descriptor now.
    func abort() {
        guard !isClosed else { return }
        isClosed = true
        loop.remove(self)
    }
}
