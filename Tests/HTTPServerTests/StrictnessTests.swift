import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("Malformed and dangerous requests over real sockets")
struct StrictnessTests {
    /// Each malformed request, the exact status, and that the connection closes afterwards.
    static let cases: [(name: String, request: String, status: Int)] = [
        (
            "TE with CL",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400
        ),
        (
            "TE gzip, chunked", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            501
        ),
        ("TE identity", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n", 501),
        ("conflicting CL", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", 400),
        ("obs-fold", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n  folded\r\n\r\n", 400),
        ("space before colon", "GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        (
            "header section over 16 KiB",
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 17000) + "\r\n\r\n", 431
        ),
        (
            "101 header lines",
            "GET /healthz HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-N: 1\r\n", count: 100) + "\r\n", 431
        ),
        (
            "request line over 8 KiB", "GET /" + String(repeating: "a", count: 8300) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414
        ),
        ("body over 1 MiB", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", 413),
        (
            "bad chunk size",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", 400
        ),
        ("bare LF", "GET /healthz HTTP/1.1\nHost: x\n\n", 400),
        ("HTTP/2 request line", "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("missing Host", "GET /healthz HTTP/1.1\r\n\r\n", 400),
    ]

    @Test("answers the exact status with Connection: close and then closes", arguments: cases, [false, true])
    func rejects(example: (name: String, request: String, status: Int), tls: Bool) async throws {
        let (name, request, status) = example
        try await withServer(tls: tls) { server in
            let client: any ByteStreamClient = tls ? try server.tlsClient() : try server.plainClient()
            try client.send(request + get("/healthz"))
            let response = try client.readResponse()
            #expect(response.status == status, "\(name)")
            #expect(response.header("Connection") == "close", "\(name)")
            #expect(response.header("Content-Type") == "application/json")
            #expect(try client.isClosedByPeer(), "\(name): connection left open")
        }
    }

    @Test("field report B23: TE + CL over TLS gets exactly one 400 and /healthz is never answered")
    func fieldReportB23() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let request =
                "POST /slack/commands HTTP/1.1\r\n" + "Host: bot.example.test\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n" + "Content-Length: 6\r\n"
                + "Transfer-Encoding: chunked\r\n" + "\r\n" + "0\r\n" + "\r\n" + "GET /healthz HTTP/1.1\r\n"
                + "Host: bot.example.test\r\n" + "\r\n"
            try client.send(request)
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            let rest = try client.readToEnd()
            #expect(rest.isEmpty, "more bytes after the 400: \(String(decoding: rest, as: UTF8.self))")
            #expect(!server.logs.captured.contains { $0.contains(#""path":"/healthz""#) })
        }
    }

    @Test("a chunked body is decoded for the handler")
    func chunkedUpload() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let response = try client.request(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n"
            )
            #expect(response.status == 200)
            #expect(response.text == "wikipedia")
            #expect(try client.request(get("/healthz")).status == 200)
        }
    }

    @Test("a body of exactly the limit is accepted")
    func bodyAtLimit() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 1000 }) { server in
            let client = try server.tlsClient()
            let body = String(repeating: "x", count: 1000)
            let response = try client.request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\(body)")
            #expect(response.status == 200)
            #expect(response.header("X-Seen-Length") == "1000")
        }
    }
}
