import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("Server routing and HTTP features")
struct ServerRoutingTests {
    @Test("GET /healthz answers 200 ok with a request id")
    func healthz() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let response = try client.request(get("/healthz"))
            #expect(response.status == 200)
            #expect(response.text == "ok")
            #expect(response.header("Content-Length") == "2")
            #expect(response.header("X-Request-Id")?.isEmpty == false)
            #expect(client.protocolVersion == "TLSv1.3")
        }
    }

    @Test("unknown path is a 404 JSON body and wrong method a 405 with Allow")
    func misses() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let missing = try client.request(get("/nope"))
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "application/json")
            #expect(missing.text == #"{"error":"not found"}"#)
            let wrong = try client.request("PUT /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            #expect(wrong.status == 405)
            #expect(wrong.header("Allow") == "DELETE, GET, HEAD")
            #expect(wrong.text == #"{"error":"method not allowed"}"#)
            #expect(wrong.header("Connection") == nil)
        }
    }

    @Test("HEAD gets the headers of GET without a body")
    func head() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            try client.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse(bodyExpected: false)
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == "2")
            #expect(response.body.isEmpty)
            let next = try client.request(get("/healthz"))
            #expect(next.text == "ok")
        }
    }

    @Test("a 204 response carries neither Content-Length nor a body")
    func noContent() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let response = try client.request("DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 204)
            #expect(response.header("Content-Length") == nil)
            #expect(try client.request(get("/healthz")).text == "ok")
        }
    }

    @Test("pipelined requests are answered in order on one connection")
    func pipelined() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let body = "hello"
            try client.send(
                get("/_test/sleep?ms=200") + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n\(body)"
                    + get("/nope") + get("/healthz"))
            let statuses = try (0..<4).map { _ in try client.readResponse() }
            #expect(statuses.map(\.status) == [200, 200, 404, 200])
            #expect(statuses.map(\.text) == ["slept", "hello", #"{"error":"not found"}"#, "ok"])
        }
    }

    @Test("Expect: 100-continue gets an interim 100 before the body is sent")
    func expectContinue() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.status == 100)
            try client.send("data")
            let final = try client.readResponse()
            #expect(final.status == 200)
            #expect(final.text == "data")
        }
    }

    @Test("a too-large body with Expect gets 413 without a 100")
    func expectTooLarge() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let response = try client.request(
                "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n")
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByPeer())
        }
    }

    @Test("HTTP/1.0 closes after the response unless keep-alive is asked")
    func http10() async throws {
        try await withServer(tls: false) { server in
            let plain = try server.plainClient()
            let response = try plain.request("GET /healthz HTTP/1.0\r\n\r\n")
            #expect(response.header("Connection") == "close")
            #expect(try plain.isClosedByPeer())
            let kept = try server.plainClient()
            _ = try kept.request("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.request("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").status == 200)
        }
    }

    @Test("Connection: close from the client is honoured")
    func clientClose() async throws {
        try await withServer { server in
            let client = try server.tlsClient()
            let response = try client.request(get("/healthz", "Connection: close\r\n"))
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByPeer())
        }
    }

    @Test(
        "a sane X-Request-Id is echoed, anything else replaced",
        arguments: [("abc-DEF_123", true), ("has space", false), (String(repeating: "a", count: 65), false)])
    func requestID(value: String, echoed: Bool) async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let response = try client.request(get("/healthz", "X-Request-Id: \(value)\r\n"))
            let id = try #require(response.header("X-Request-Id"))
            #expect((id == value) == echoed)
            #expect(!id.isEmpty)
        }
    }

    @Test("an absolute-form target is routed by its path")
    func absoluteForm() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let response = try client.request("GET http://test/target?a=1 HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(response.status == 200)
            #expect(response.text == "/target?a=1")
        }
    }

    @Test("one log line per request with method, path, status, bytes and id, without query or secrets")
    func requestLog() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let response = try client.request(
                get(
                    "/healthz?token=sekrit",
                    "Authorization: Bearer sekrit\r\nCookie: c=sekrit\r\nX-Request-Id: log-1\r\n"))
            #expect(response.status == 200)
            _ = await server.logs.firstLine(containing: #""request_id":"log-1""#)
            let lines = server.logs.captured.filter { $0.contains(#""msg":"request""#) }
            #expect(lines.count == 1)
            let line = try #require(lines.first)
            let parts = [
                #""method":"GET""#, #""path":"/healthz""#, #""status":"200""#, #""bytes":"2""#,
                #""request_id":"log-1""#, #""duration_ms":""#,
            ]
            for part in parts { #expect(line.contains(part), "\(part) in \(line)") }
            #expect(!server.logs.captured.joined().contains("sekrit"))
        }
    }

    @Test("a slow handler does not stall other connections")
    func slowHandlerOffLoop() async throws {
        try await withServer(configure: { $0.eventLoopCount = 1 }) { server in
            let slow = try server.tlsClient()
            try slow.send(get("/_test/sleep?ms=1500"))
            let clock = ContinuousClock()
            let start = clock.now
            let fast = try server.tlsClient()
            #expect(try fast.request(get("/healthz")).status == 200)
            #expect(clock.now - start < .milliseconds(1000))
            #expect(try slow.readResponse().text == "slept")
        }
    }
}
