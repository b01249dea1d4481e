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
    private static let reservedNames: [[UInt8]] = [
        "content-length", "transfer-encoding", "connection",
        "x-request-id", "date",
    ].map { Array($0.utf8) }

    /// Appends the status line, headers and body of `response` to `output`.
    static func append(_ response: HTTPResponse, _ framing: Framing, date: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: StatusLine.bytes(for: response.status))
        for field in response.headers where isWritable(field) {
            output.append(contentsOf: field.name.utf8)
            output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            output.append(contentsOf: field.value.utf8)
            output.append(contentsOf: [0x0D, 0x0A])
        }
        // RFC 9110 section 8.6: no Content-Length (and no body) on 1xx, 204 and 304 responses.
        let bodyless = response.status < 200 || response.status == 204 || response.status == 304
        if !bodyless {
            output.append(contentsOf: contentLengthName)
            appendDecimal(response.body.count, to: &output)
            output.append(contentsOf: [0x0D, 0x0A])
        }
        output.append(contentsOf: requestIDName)
        output.append(contentsOf: framing.requestID.utf8)
        output.append(contentsOf: framing.keepAlive ? keepAliveLine : closeLine)
        output.append(contentsOf: date)
        output.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        if !framing.omitBody && !bodyless { output.append(contentsOf: response.body) }
    }

    private static let contentLengthName: [UInt8] = Array("Content-Length: ".utf8)
    private static let requestIDName: [UInt8] = Array("X-Request-Id: ".utf8)
    private static let keepAliveLine: [UInt8] = Array("\r\nDate: ".utf8)
    private static let closeLine: [UInt8] = Array("\r\nConnection: close\r\nDate: ".utf8)

    /// Drops reserved names and anything that could split the header section (CR, LF, NUL, bad names).
    private static func isWritable(_ field: (name: String, value: String)) -> Bool {
        guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPSyntax.isTokenByte),
            field.value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte)
        else { return false }
        let name = field.name.utf8
        return !reservedNames.contains { reserved in
            reserved.count == name.count && zip(name, reserved).allSatisfy { HTTPSyntax.lowercased($0) == $1 }
        }
    }

    /// Appends `value` (not negative) in decimal without building a String.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = max(value, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
