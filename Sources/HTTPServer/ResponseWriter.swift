/// Serialises responses into a connection's output buffer, so one response leaves in one write.
enum ResponseWriter {
    /// What the connection decides about a response beyond the handler's `HTTPResponse`.
    struct Framing {
        /// HEAD: send the headers, including the body's `Content-Length`, but no body.
        var omitBody: Bool
        var keepAlive: Bool
        var requestID: String
    }

    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Header names the server writes itself; a handler's own values for them are dropped.
    private static let reservedNames: Set<String> = [
        "content-length", "transfer-encoding", "connection", "x-request-id", "date",
    ]

    /// Appends the status line, headers and body of `response` to `output`.
    static func append(_ response: HTTPResponse, _ framing: Framing, date: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: StatusLine.bytes(for: response.status))
        for field in response.headers where isWritable(field) {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: [0x0D, 0x0A])
        }
        output.append(contentsOf: "Content-Length: \(response.body.count)\r\nX-Request-Id: ".utf8)
        output.append(contentsOf: framing.requestID.utf8)
        output.append(contentsOf: framing.keepAlive ? keepAliveLine : closeLine)
        output.append(contentsOf: date)
        output.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        if !framing.omitBody { output.append(contentsOf: response.body) }
    }

    private static let keepAliveLine: [UInt8] = Array("\r\nDate: ".utf8)
    private static let closeLine: [UInt8] = Array("\r\nConnection: close\r\nDate: ".utf8)

    /// Drops reserved names and anything that could split the header section (CR, LF, NUL, bad names).
    private static func isWritable(_ field: (name: String, value: String)) -> Bool {
        guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPSyntax.isTokenByte),
            field.value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
        else { return false }
        return !reservedNames.contains(field.name.lowercased())
    }
}
