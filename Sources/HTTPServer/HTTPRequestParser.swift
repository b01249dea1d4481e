/// An incremental HTTP/1.1 request parser: a state machine over bytes with no I/O.
///
/// Feed it bytes as they arrive, split anywhere (even between `\r` and `\n`), and call `next()` until it
/// returns nil. It is strict where laxness enables request smuggling (RFC 9112 sections 6 and 7): both
/// `Transfer-Encoding` and `Content-Length`, conflicting lengths, codings other than exactly `chunked`,
/// obsolete line folding, bare CR or LF and whitespace before a colon are all errors. After an error the
/// parser stays failed: the connection must answer `error.status` and close.
public struct HTTPRequestParser: Sendable {
    /// The limits the parser enforces; see `ServerConfiguration` for their meaning and defaults.
    public struct Limits: Sendable {
        public var maxRequestLineBytes: Int
        public var maxHeaderBytes: Int
        public var maxHeaderLines: Int
        public var maxBodyBytes: Int

        public init(maxRequestLineBytes: Int, maxHeaderBytes: Int, maxHeaderLines: Int, maxBodyBytes: Int) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderLines = maxHeaderLines
            self.maxBodyBytes = maxBodyBytes
        }

        /// The defaults of `ServerConfiguration`.
        public static let standard = Limits(
            maxRequestLineBytes: 8192, maxHeaderBytes: 16384, maxHeaderLines: 100, maxBodyBytes: 1 << 20)
    }

    enum State: Sendable {
        case requestLine
        case headers
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
    }

    /// A chunk-size line longer than this is malformed (the size itself needs at most 16 hex digits).
    static let maxChunkLineBytes = 1024

    let limits: Limits
    var buffer: [UInt8] = []
    var start = 0
    var scanned = 0
    var state = State.requestLine
    var head = RequestHeadBuilder()
    var body: [UInt8] = []
    var failure: HTTPParseError?
    var continueAcknowledged = false

    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed by a finished request.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True once any byte of the next request has arrived (used for the 408 decision on a deadline).
    public var hasPartialRequest: Bool {
        if case .requestLine = state { return bufferedByteCount > 0 }
        return true
    }

    /// The method and target of the request being read, once its request line has been read; for the
    /// log line of a request refused part-way.
    public var requestLine: (method: String, target: String)? {
        head.method.isEmpty ? nil : (head.method, head.target)
    }

    /// True while the head is complete and the body is still arriving.
    public var isReceivingBody: Bool {
        switch state {
        case .requestLine, .headers: false
        default: true
        }
    }

    /// True when the client sent `Expect: 100-continue`, the head is complete and no body byte has come yet:
    /// the server should send `100 Continue` once and then call `acknowledgeContinue()`.
    public var wantsContinue: Bool {
        guard head.expectsContinue, !continueAcknowledged, bufferedByteCount == 0 else { return false }
        switch state {
        case .fixedBody, .chunkSize: return body.isEmpty
        default: return false
        }
    }

    /// Records that `100 Continue` was sent for the current request.
    public mutating func acknowledgeContinue() { continueAcknowledged = true }

    /// Adds received bytes.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 4096 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// The next complete request, nil when more bytes are needed, or the error that ends the connection.
    public mutating func next() throws(HTTPParseError) -> HTTPParsedRequest? {
        if let failure { throw failure }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> HTTPParsedRequest? {
        while true {
            switch state {
            case .requestLine:
                guard let line = try takeLine(limit: limits.maxRequestLineBytes, tooLong: .requestLineTooLong) else {
                    return nil
                }
                if line.isEmpty { continue }  // RFC 9112 section 2.2: ignore empty lines before a request.
                head = RequestHeadBuilder()
                body = []
                continueAcknowledged = false
                try withLine(line) { (head, bytes) throws(HTTPParseError) in try head.readRequestLine(bytes) }
                state = .headers
            case .headers:
                guard let line = try takeHeaderLine() else { return nil }
                if line.isEmpty {
                    if let request = try finishHead() { return request }
                    continue
                }
                try withLine(line) { (head, bytes) throws(HTTPParseError) in try head.readField(bytes) }
            case .fixedBody(let remaining):
                let count = min(remaining, bufferedByteCount)
                body.append(contentsOf: buffer[start..<start + count])
                start += count
                if count < remaining {
                    state = .fixedBody(remaining: remaining - count)
                    return nil
                }
                return finishRequest()
            case .chunkSize:
                guard let line = try takeLine(limit: Self.maxChunkLineBytes, tooLong: .malformed("chunk size line"))
                else { return nil }
                let size = try withLine(line) { (_, bytes) throws(HTTPParseError) in try Self.chunkSize(bytes) }
                if size > limits.maxBodyBytes - body.count { throw .bodyTooLarge }
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let count = min(remaining, bufferedByteCount)
                body.append(contentsOf: buffer[start..<start + count])
                start += count
                if count < remaining {
                    state = .chunkData(remaining: remaining - count)
                    return nil
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard let line = try takeLine(limit: 0, tooLong: .malformed("missing CRLF after chunk data")) else {
                    return nil
                }
                _ = line
                state = .chunkSize
            case .trailers:
                guard let line = try takeHeaderLine() else { return nil }
                if line.isEmpty { return finishRequest() }
                try withLine(line) { (_, bytes) throws(HTTPParseError) in try RequestHeadBuilder.checkTrailer(bytes) }
            }
        }
    }

    /// Takes one header or trailer line, counting it against the header limits.
    private mutating func takeHeaderLine() throws(HTTPParseError) -> Range<Int>? {
        let room = limits.maxHeaderBytes - head.headerBytes
        guard let line = try takeLine(limit: max(room - 2, 0), tooLong: .headerSectionTooLarge) else { return nil }
        head.headerBytes += line.count + 2
        if !line.isEmpty {
            head.headerLines += 1
            if head.headerLines > limits.maxHeaderLines { throw .tooManyHeaderLines }
        }
        return line
    }

    /// The next line without its CRLF, or nil if its end has not arrived. `limit` counts bytes before CRLF.
    private mutating func takeLine(limit: Int, tooLong: HTTPParseError) throws(HTTPParseError) -> Range<Int>? {
        let end = buffer.count
        var index = start + scanned
        while index < end && buffer[index] != 0x0A { index += 1 }
        guard index < end else {
            scanned = end - start
            // A trailing CR may still be followed by its LF, so it does not count yet.
            let pending = scanned - (buffer.last == 0x0D ? 1 : 0)
            if pending > limit { throw tooLong }
            return nil
        }
        // The length check comes first so that a split input fails the same way as a whole one.
        let hasCarriageReturn = index > start && buffer[index - 1] == 0x0D
        let line = start..<(hasCarriageReturn ? index - 1 : index)
        if line.count > limit { throw tooLong }
        guard hasCarriageReturn else { throw .malformed("bare LF") }
        start = index + 1
        scanned = 0
        return line
    }

    /// Runs `body` on the bytes of `range` with the request head being built.
    private mutating func withLine<T>(
        _ range: Range<Int>,
        _ body: (inout RequestHeadBuilder, UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> T
    ) throws(HTTPParseError) -> T {
        let bytes = buffer
        return try bytes.withUnsafeBufferPointer { (all) throws(HTTPParseError) -> T in
            try body(&head, UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    private mutating func finishHead() throws(HTTPParseError) -> HTTPParsedRequest? {
        switch try head.framing(limits: limits) {
        case .none:
            return finishRequest()
        case .length(let length):
            body.reserveCapacity(length)
            state = .fixedBody(remaining: length)
        case .chunked:
            state = .chunkSize
        }
        return nil
    }

    private mutating func finishRequest() -> HTTPParsedRequest {
        state = .requestLine
        let request = head.makeRequest(body: body)
        head = RequestHeadBuilder()
        body = []
        return request
    }

    /// Reads `1*HEXDIG [ ";" chunk-ext ]`; no whitespace, no sign, at most 16 significant digits.
    static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        var size = 0
        var digits = 0
        var index = 0
        while index < line.count, let digit = HTTPSyntax.hexValue(line[index]) {
            if size > (Int.max >> 4) { throw .bodyTooLarge }
            size = size << 4 | digit
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw .malformed("bad chunk size") }
        if index < line.count {
            guard line[index] == UInt8(ascii: ";") else { throw .malformed("bad chunk size") }
            for byte in line[(index + 1)...] where !HTTPSyntax.isFieldValueByte(byte) {
                throw .malformed("bad chunk extension")
            }
        }
        return size
    }
}
