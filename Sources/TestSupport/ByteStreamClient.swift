/// A blocking client connection that tests drive byte by byte: `RawTCPClient` or `TLSTestClient`.
///
/// Reads block up to the client's timeout and then throw `TestClientError.timedOut`, so no test hangs.
/// The helpers in the extension read HTTP/1.1 responses (keep-alive aware) on top of `readSome()`.
public protocol ByteStreamClient: AnyObject {
    /// Sends all of `bytes`.
    func write(_ bytes: [UInt8]) throws
    /// Returns the next bytes received; empty means the peer closed the connection (EOF or reset).
    func readSome() throws -> [UInt8]
    /// Bytes already received but not yet returned by the response helpers.
    var pending: [UInt8] { get set }
    /// Closes the connection.
    func close()
}

extension ByteStreamClient {
    /// Sends `text` as UTF-8.
    public func send(_ text: String) throws { try write(Array(text.utf8)) }

    /// Reads one complete response (status line, headers and a `Content-Length` body). A `100 Continue`
    /// interim response is returned as its own response. For a response to HEAD pass `bodyExpected: false`.
    public func readResponse(bodyExpected: Bool = true) throws -> TestHTTPResponse {
        while true {
            if let (response, used) = try TestHTTPResponse.parse(pending, bodyExpected: bodyExpected) {
                pending.removeFirst(used)
                return response
            }
            let more = try readSome()
            if more.isEmpty {
                throw TestClientError("connection closed after \(pending.count) bytes of a response")
            }
            pending += more
        }
    }

    /// Sends `text` and reads the response.
    public func request(_ text: String) throws -> TestHTTPResponse {
        try send(text)
        return try readResponse()
    }

    /// Reads until the peer closes and returns everything not yet consumed.
    public func readToEnd() throws -> [UInt8] {
        while true {
            let more = try readSome()
            if more.isEmpty { break }
            pending += more
        }
        defer { pending = [] }
        return pending
    }

    /// True when the peer has closed: no byte remains and the next read reports EOF or reset before the
    /// timeout. Throws `TestClientError.timedOut` if the connection stays open.
    public func isClosedByPeer() throws -> Bool {
        guard pending.isEmpty else { return false }
        let more = try readSome()
        pending += more
        return more.isEmpty
    }
}
