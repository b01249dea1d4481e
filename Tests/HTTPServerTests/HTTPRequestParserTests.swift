import Testing

@testable import HTTPServer

/// Feeds `text` to a fresh parser in pieces of the given sizes (the rest in one piece) and collects results.
func parseAll(
    _ text: String, splits: [Int] = [], limits: HTTPRequestParser.Limits = .standard
) -> (requests: [HTTPParsedRequest], error: HTTPParseError?) {
    var parser = HTTPRequestParser(limits: limits)
    var bytes = Array(text.utf8)[...]
    var requests: [HTTPParsedRequest] = []
    var pieces = splits.map { $0 }
    while !bytes.isEmpty {
        let size = pieces.isEmpty ? bytes.count : min(pieces.removeFirst(), bytes.count)
        parser.append(contentsOf: bytes.prefix(size))
        bytes = bytes.dropFirst(size)
        do {
            while let request = try parser.next() { requests.append(request) }
        } catch {
            return (requests, error)
        }
    }
    return (requests, nil)
}

@Suite("HTTP request parser")
struct HTTPRequestParserTests {
    static let post =
        "POST /slack/commands?x=1 HTTP/1.1\r\nHost: bot.example.test\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 5\r\n\r\nhello"
    static let chunked =
        "POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=v\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"

    @Test("parses a request with a Content-Length body")
    func contentLength() throws {
        let result = parseAll(Self.post)
        #expect(result.error == nil)
        let request = try #require(result.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/slack/commands?x=1")
        #expect(request.minorVersion == 1)
        #expect(request.headers["content-type"] == "text/plain")
        #expect(request.body == Array("hello".utf8))
        #expect(request.keepAlive)
    }

    @Test("removes chunked framing and drops trailers")
    func chunkedBody() throws {
        let result = parseAll(Self.chunked)
        #expect(result.error == nil)
        let request = try #require(result.requests.first)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world")
        #expect(request.headers.fields.count == 2)
    }

    @Test("a request split at every byte boundary parses the same", arguments: [post, chunked])
    func everySplit(text: String) {
        let whole = parseAll(text)
        let count = text.utf8.count
        for cut in 1..<count {
            let split = parseAll(text, splits: [cut])
            #expect(split.requests == whole.requests, "split at \(cut)")
            #expect(split.error == nil)
        }
        let byteByByte = parseAll(text, splits: Array(repeating: 1, count: count))
        #expect(byteByByte.requests == whole.requests)
    }

    @Test("pipelined requests come out in order")
    func pipelined() {
        let text = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" + Self.post + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
        let result = parseAll(text, splits: [3, 40, 7])
        #expect(result.requests.map(\.target) == ["/a", "/slack/commands?x=1", "/b"])
    }

    @Test(
        "keep-alive follows version and Connection",
        arguments: [
            ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", true),
            ("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n", false),
            ("GET / HTTP/1.0\r\n\r\n", false),
            ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ])
    func keepAlive(text: String, expected: Bool) throws {
        let request = try #require(parseAll(text).requests.first)
        #expect(request.keepAlive == expected)
    }

    @Test("ignores empty lines before a request line")
    func leadingEmptyLines() {
        #expect(parseAll("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n").requests.count == 1)
    }

    static let rejected: [(String, HTTPParseError)] = [
        (
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            .malformed("both Transfer-Encoding and Content-Length")
        ),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            .unsupportedTransferCoding("gzip")
        ),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", .unsupportedTransferCoding("identity")),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            .malformed("bad Transfer-Encoding")
        ),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
            .malformed("conflicting Content-Length")
        ),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 6\r\n\r\n", .malformed("conflicting Content-Length")),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\n", .malformed("bad Content-Length")),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0x5\r\n\r\n", .malformed("bad Content-Length")),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", .malformed("obsolete line folding")),
        ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", .malformed("header name")),
        ("GET / HTTP/1.1\r\nHost: x\nX: y\r\n\r\n", .malformed("bare LF")),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n", .malformed("header value")),
        ("GET / HTTP/1.1\r\nX: y\r\n\r\n", .malformed("HTTP/1.1 needs exactly one Host")),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .malformed("HTTP/1.1 needs exactly one Host")),
        ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("request target")),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", .unsupportedVersion),
        ("GET / HTTX/1.1\r\nHost: x\r\n\r\n", .malformed("HTTP version")),
        ("GET nothing HTTP/1.1\r\nHost: x\r\n\r\n", .malformed("request target")),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nz\r\n", .malformed("bad chunk size")),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\n", .malformed("bad chunk size")),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
            .malformed("missing CRLF after chunk data")
        ),
        ("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", .unsupportedExpectation),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", .bodyTooLarge),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", .bodyTooLarge),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n",
            .bodyTooLarge
        ),
        ("GET /" + String(repeating: "a", count: 8200) + " HTTP/1.1\r\n", .requestLineTooLong),
        (
            "GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 16400) + "\r\n\r\n",
            .headerSectionTooLarge
        ),
        (
            "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-Many: 1\r\n", count: 100) + "\r\n",
            .tooManyHeaderLines
        ),
    ]

    @Test("rejects dangerous or malformed input with the exact error and status", arguments: rejected)
    func rejects(text: String, expected: HTTPParseError) {
        let result = parseAll(text)
        #expect(result.requests.isEmpty)
        #expect(result.error == expected)
        for split in [1, 2, 17] {
            #expect(parseAll(text, splits: Array(repeating: split, count: text.utf8.count)).error == expected)
        }
    }

    @Test(
        "maps each error to one status",
        arguments: [
            (HTTPParseError.malformed("x"), 400), (.requestLineTooLong, 414), (.headerSectionTooLarge, 431),
            (.tooManyHeaderLines, 431), (.bodyTooLarge, 413), (.unsupportedTransferCoding("gzip"), 501),
            (.unsupportedVersion, 505), (.unsupportedExpectation, 417),
        ])
    func statuses(error: HTTPParseError, status: Int) {
        #expect(error.status == status)
        #expect(error.response.status == status)
    }

    @Test("an oversized request line is refused before its end arrives")
    func earlyRequestLineLimit() {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 9000))
        #expect(throws: HTTPParseError.requestLineTooLong) { try parser.next() }
        #expect(throws: HTTPParseError.requestLineTooLong) { try parser.next() }
    }

    @Test("wants 100 Continue only between head and body")
    func expectContinue() throws {
        var parser = HTTPRequestParser()
        parser.append(
            contentsOf: Array("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.wantsContinue)
        #expect(parser.isReceivingBody)
        parser.acknowledgeContinue()
        #expect(!parser.wantsContinue)
        parser.append(contentsOf: Array("ok".utf8))
        #expect(try parser.next()?.body == Array("ok".utf8))
        #expect(!parser.hasPartialRequest)
    }

    @Test("an HTTP/1.0 client never gets 100 Continue")
    func noContinueForHTTP10() throws {
        var parser = HTTPRequestParser()
        parser.append(contentsOf: Array("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(!parser.wantsContinue)
    }

    @Test("accepts the exact limits")
    func exactLimits() {
        let limits = HTTPRequestParser.Limits(
            maxRequestLineBytes: 20, maxHeaderBytes: 40, maxHeaderLines: 2, maxBodyBytes: 3)
        let line = "GET /" + String(repeating: "a", count: 6) + " HTTP/1.1"  // 20 bytes
        let text = line + "\r\nHost: x\r\nX-Pad: " + String(repeating: "p", count: 20) + "\r\n\r\n"
        #expect(parseAll(text, limits: limits).requests.count == 1)
        #expect(
            parseAll(text.replacingOccurrences(of: "ppp", with: "pppp"), limits: limits).error == .headerSectionTooLarge
        )
    }

    /// Inputs libFuzzer found (scripts/fuzz); each must fail the same way whole and split.
    static let fuzzFindings: [(String, HTTPRequestParser.Limits, HTTPParseError)] = [
        // A too-long request line ending in a bare LF: the length error used to depend on the split.
        (
            "GET /" + String(repeating: "a", count: 20) + String(repeating: "k", count: 44) + "aaa HTTP/1.1\u{13}\n",
            HTTPRequestParser.Limits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderLines: 4, maxBodyBytes: 64),
            .requestLineTooLong
        )
    ]

    @Test("fuzzer findings fail the same way whole and split", arguments: fuzzFindings)
    func fuzzFinding(text: String, limits: HTTPRequestParser.Limits, expected: HTTPParseError) {
        #expect(parseAll(text, limits: limits).error == expected)
        for size in 1...8 {
            let pieces = Array(repeating: size, count: text.utf8.count)
            #expect(parseAll(text, splits: pieces, limits: limits).error == expected, "pieces of \(size)")
        }
    }
}
