/// Collects the request line and header fields of one request and decides its body framing.
struct RequestHeadBuilder: Sendable {
    /// How the body of a request is delimited (RFC 9112 section 6.3).
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method = ""
    var target = ""
    var minorVersion = 1
    var fields: [(name: String, value: String)] = []
    var headerBytes = 0
    var headerLines = 0
    var expectsContinue = false
    private var contentLength: Int?
    private var lengthTooLarge = false
    private var transferCodings: [String] = []
    private var sawTransferEncoding = false
    private var hostCount = 0
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var unsupportedExpectation = false

    /// Reads `method SP request-target SP HTTP-version`.
    mutating func readRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: 0x20) else { throw .malformed("request line") }
        let rest = UnsafeBufferPointer(rebasing: line[(firstSpace + 1)...])
        guard let secondSpace = rest.firstIndex(of: 0x20) else { throw .malformed("request line") }
        let methodBytes = UnsafeBufferPointer(rebasing: line[..<firstSpace])
        let targetBytes = UnsafeBufferPointer(rebasing: rest[..<secondSpace])
        let versionBytes = UnsafeBufferPointer(rebasing: rest[(secondSpace + 1)...])
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(HTTPSyntax.isTokenByte) else {
            throw .malformed("method")
        }
        guard !targetBytes.isEmpty, targetBytes.allSatisfy(HTTPSyntax.isTargetByte) else {
            throw .malformed("request target")
        }
        minorVersion = try Self.minorVersion(versionBytes)
        method = String(decoding: methodBytes, as: UTF8.self)
        target = String(decoding: targetBytes, as: UTF8.self)
        guard
            target.utf8.first == UInt8(ascii: "/") || (target == "*" && method == "OPTIONS")
                || target.hasPrefix("http://") || target.hasPrefix("https://")
        else { throw .malformed("request target") }
    }

    private static func minorVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        let prefix: [UInt8] = Array("HTTP/".utf8)
        guard bytes.count == 8, Array(bytes[0..<5]) == prefix, bytes[6] == UInt8(ascii: "."),
            let major = HTTPSyntax.decimalDigit(bytes[5]), let minor = HTTPSyntax.decimalDigit(bytes[7])
        else { throw .malformed("HTTP version") }
        guard major == 1, minor <= 1 else { throw .unsupportedVersion }
        return minor
    }

    /// Reads one `field-name ":" OWS field-value OWS` line and notes the fields that decide framing.
    mutating func readField(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let (name, value) = try Self.split(line)
        fields.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        if HTTPSyntax.equalsLowercase(name, "content-length") {
            try readContentLength(value)
        } else if HTTPSyntax.equalsLowercase(name, "transfer-encoding") {
            sawTransferEncoding = true
            for coding in HTTPSyntax.listElements(value) {
                transferCodings.append(String(decoding: coding.map(HTTPSyntax.lowercased), as: UTF8.self))
            }
        } else if HTTPSyntax.equalsLowercase(name, "host") {
            hostCount += 1
        } else if HTTPSyntax.equalsLowercase(name, "connection") {
            for option in HTTPSyntax.listElements(value) {
                if HTTPSyntax.equalsLowercase(option, "close") { connectionClose = true }
                if HTTPSyntax.equalsLowercase(option, "keep-alive") { connectionKeepAlive = true }
            }
        } else if HTTPSyntax.equalsLowercase(name, "expect") {
            if HTTPSyntax.equalsLowercase(value, "100-continue") {
                expectsContinue = minorVersion == 1  // RFC 9110 section 10.1.1: never 100 to an HTTP/1.0 client.
            } else {
                unsupportedExpectation = true
            }
        }
    }

    /// Checks a trailer line's syntax; trailers are read and dropped.
    static func checkTrailer(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        _ = try split(line)
    }

    private static func split(
        _ line: UnsafeBufferPointer<UInt8>
    ) throws(HTTPParseError) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) {
        if HTTPSyntax.isWhitespace(line[0]) { throw .malformed("obsolete line folding") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformed("header without colon") }
        let name = UnsafeBufferPointer(rebasing: line[..<colon])
        guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenByte) else { throw .malformed("header name") }
        let value = HTTPSyntax.trimmed(UnsafeBufferPointer(rebasing: line[(colon + 1)...]))
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else { throw .malformed("header value") }
        return (name, value)
    }

    /// `Content-Length = 1*DIGIT`; a list of identical values is one value (RFC 9110 section 8.6).
    private mutating func readContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let elements = HTTPSyntax.listElements(value)
        guard !elements.isEmpty else { throw .malformed("empty Content-Length") }
        for element in elements {
            var length = 0
            var tooLarge = false
            for byte in element {
                guard let digit = HTTPSyntax.decimalDigit(byte) else { throw .malformed("bad Content-Length") }
                if length > (Int.max - 9) / 10 { tooLarge = true } else { length = length * 10 + digit }
            }
            if let known = contentLength, known != length || tooLarge != lengthTooLarge {
                throw .malformed("conflicting Content-Length")
            }
            contentLength = length
            lengthTooLarge = tooLarge
        }
    }

    /// Decides the body framing once the head is complete, applying the smuggling rules.
    func framing(limits: HTTPRequestParser.Limits) throws(HTTPParseError) -> Framing {
        if minorVersion == 1 && hostCount != 1 { throw .malformed("HTTP/1.1 needs exactly one Host") }
        if hostCount > 1 { throw .malformed("more than one Host") }
        if unsupportedExpectation { throw .unsupportedExpectation }
        if sawTransferEncoding {
            if contentLength != nil { throw .malformed("both Transfer-Encoding and Content-Length") }
            if minorVersion == 0 { throw .malformed("Transfer-Encoding in HTTP/1.0") }
            if let other = transferCodings.first(where: { $0 != "chunked" }) {
                throw .unsupportedTransferCoding(other)
            }
            guard transferCodings.count == 1 else { throw .malformed("bad Transfer-Encoding") }
            return .chunked
        }
        guard let contentLength else { return .none }
        if lengthTooLarge || contentLength > limits.maxBodyBytes { throw .bodyTooLarge }
        return contentLength == 0 ? .none : .length(contentLength)
    }

    /// The finished request.
    func makeRequest(body: [UInt8]) -> HTTPParsedRequest {
        let keepAlive = minorVersion == 1 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        return HTTPParsedRequest(
            method: method, target: target, minorVersion: minorVersion, headers: HTTPHeaders(fields),
            body: body, keepAlive: keepAlive)
    }
}
