import Foundation

/// A response as a test client read it off the wire.
public struct TestHTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header fields in order, names as sent.
    public var headers: [HeaderField]
    public var body: [UInt8]

    /// One header field.
    public struct HeaderField: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// The first value of `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Parses one response from the front of `bytes`; nil if it is not complete yet. Returns the
    /// response and how many bytes it used.
    public static func parse(_ bytes: [UInt8], bodyExpected: Bool = true) throws -> (TestHTTPResponse, Int)? {
        guard let headEnd = find([13, 10, 13, 10], in: bytes) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw TestClientError("bad status line in \(head.prefix(80))")
        }
        let fields = lines.compactMap { line -> HeaderField? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return HeaderField(name: String(line[..<colon]), value: value)
        }
        var response = TestHTTPResponse(status: status, headers: fields, body: [])
        let bodyStart = headEnd + 4
        let length = (bodyExpected && status >= 200) ? Int(response.header("Content-Length") ?? "0") ?? 0 : 0
        guard bytes.count >= bodyStart + length else { return nil }
        response.body = Array(bytes[bodyStart..<bodyStart + length])
        return (response, bodyStart + length)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if Array(bytes[index..<index + needle.count]) == needle { return index }
        }
        return nil
    }
}
