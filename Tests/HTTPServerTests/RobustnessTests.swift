import Foundation
import HTTPServer
import TestSupport
import Testing

/// Short deadlines so that deadline tests finish in a few seconds.
func shortDeadlines(_ configuration: inout ServerConfiguration) {
    configuration.headDeadline = .seconds(1)
    configuration.bodyDeadline = .seconds(1)
    configuration.idleTimeout = .seconds(1)
}

@Suite("Deadlines, limits and hostile peers")
struct RobustnessTests {
    @Test("a partial head is cut at the head deadline with 408")
    func partialHead() async throws {
        try await withServer(configure: shortDeadlines) { server in
            let client = try server.tlsClient(timeout: .seconds(4))
            let clock = ContinuousClock()
            let start = clock.now
            try client.send("POST /slack/commands HTTP/1.1\r\nHost: x\r\n")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByPeer())
            let elapsed = clock.now - start
            #expect(elapsed >= .milliseconds(700) && elapsed < .seconds(3), "\(elapsed)")
        }
    }

    @Test("a connection that sends nothing is closed at the head deadline without a response")
    func silentConnection() async throws {
        try await withServer(tls: false, configure: shortDeadlines) { server in
            let client = try server.plainClient(timeout: .seconds(4))
            #expect(try client.readToEnd().isEmpty)
        }
    }

    @Test("a body that stops arriving is cut at the body deadline with 408")
    func slowBody() async throws {
        try await withServer(configure: shortDeadlines) { server in
            let client = try server.tlsClient(timeout: .seconds(4))
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(try client.isClosedByPeer())
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await withServer(configure: shortDeadlines) { server in
            let client = try server.tlsClient(timeout: .seconds(4))
            #expect(try client.request(get("/healthz")).status == 200)
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try client.readToEnd().isEmpty)
            #expect(clock.now - start >= .milliseconds(700))
        }
    }

    @Test("field report B25 scaled down: slow heads and stalled handshakes are closed, others served")
    func slowloris() async throws {
        try await withServer(configure: shortDeadlines) { server in
            let slowHeads = try (0..<50).map { _ in try server.tlsClient(timeout: .seconds(5)) }
            for client in slowHeads { try client.send("POST /slack/commands HTTP/1.1\r\nHost: x\r\n") }
            let stalled = try (0..<20).map { _ in try server.plainClient(timeout: .seconds(5)) }
            let clock = ContinuousClock()
            for _ in 0..<4 {
                let start = clock.now
                let client = try server.tlsClient()
                #expect(try client.request(get("/healthz")).status == 200)
                #expect(clock.now - start < .seconds(3), "field report B25 allows 3 s")
                try await Task.sleep(for: .milliseconds(300))
            }
            for client in slowHeads {
                try client.send("X")
                #expect(try client.readResponse().status == 408)
                #expect(try client.isClosedByPeer())
            }
            for client in stalled { #expect(try client.readToEnd().isEmpty) }
            for client in slowHeads { client.close() }
            let clock2 = ContinuousClock()
            let start = clock2.now
            while server.server.openConnections > 0 && clock2.now - start < .seconds(3) {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(server.server.openConnections == 0)
        }
    }

    @Test("200 clients connected at once, each with a request in flight, are all answered")
    func parallelClients() async throws {
        try await withServer { server in
            let (port, certificate, listener) = (server.port, server.certificatePath, server.server)
            // All 200 handshakes first, then all 200 requests, then the answers: the server holds every
            // connection and every request at the same time, whatever the test machine's thread count. On a
            // Dispatch thread, so that the blocking clients never hold one of the few cooperative threads.
            let (open, statuses) = try await Blocking.run {
                let clients = try (0..<200).map { _ in
                    try TLSTestClient(port: port, trusting: certificate, timeout: .seconds(20))
                }
                let open = listener.openConnections
                for client in clients { try client.send(get("/healthz")) }
                let statuses = try clients.map { try $0.readResponse().status }
                for client in clients { client.close() }
                return (open, statuses)
            }
            #expect(open == 200)
            #expect(statuses == Array(repeating: 200, count: 200))
        }
    }

    @Test("a burst of connections is spread evenly over the event loops")
    func connectionsSpreadOverLoops() async throws {
        try await withServer(tls: false) { server in
            let clients = try (0..<8).map { _ in try server.plainClient() }
            for client in clients { #expect(try client.request(get("/healthz")).status == 200) }
            #expect(server.server.connectionsPerLoop == [4, 4])
            for client in clients { client.close() }
        }
    }

    @Test("beyond the connection limit new connections are closed at once and the server keeps running")
    func connectionLimit() async throws {
        try await withServer(tls: false, configure: { $0.maxConnections = 3 }) { server in
            let held = try (0..<3).map { _ in try server.plainClient() }
            #expect(try held[0].request(get("/healthz")).status == 200)
            let extra = try server.plainClient(timeout: .seconds(2))
            #expect(try extra.readToEnd().isEmpty)
            for client in held { client.close() }
            try await Task.sleep(for: .milliseconds(200))
            let later = try server.plainClient()
            #expect(try later.request(get("/healthz")).status == 200)
        }
    }

    @Test("garbage instead of a TLS handshake closes that connection only")
    func garbageInsteadOfTLS() async throws {
        try await withServer { server in
            let raw = try server.plainClient()
            try raw.send(String(repeating: "\u{1}\u{2}junk", count: 100))
            let answer = try raw.readToEnd()  // throws if the server left the connection open
            #expect(answer.isEmpty || answer.first == 0x15, "only a TLS alert record may come back")
            let plain = try server.plainClient()
            try plain.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" + String(repeating: "\u{1}\u{2}junk", count: 100))
            let refusal = String(decoding: try plain.readToEnd(), as: UTF8.self)
            #expect(refusal.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(refusal)")
            #expect(refusal.contains("Connection: close\r\n"))
            #expect(try server.tlsClient().request(get("/healthz")).status == 200)
        }
    }

    @Test("a reset in the middle of a request or while a handler runs does not disturb the server")
    func resetMidRequest() async throws {
        try await withServer { server in
            let partial = try server.tlsClient()
            try partial.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
            partial.reset()
            let busy = try server.tlsClient()
            try busy.send(get("/_test/sleep?ms=200"))
            busy.reset()
            try await Task.sleep(for: .milliseconds(400))
            #expect(try server.tlsClient().request(get("/healthz")).status == 200)
            #expect(server.server.openConnections == 1 || server.server.openConnections == 0)
        }
    }

    @Test(
        "a client that pipelines thousands of requests before reading gets every answer in order",
        arguments: [false, true])
    func pipelineFlood(tls: Bool) async throws {
        try await withServer(tls: tls) { server in
            let client: any ByteStreamClient = tls ? try server.tlsClient() : try server.plainClient()
            let count = 3000
            let batch = (0..<count).map { get("/target?n=\($0)") }.joined()
            try client.send(batch)
            try await Task.sleep(for: .milliseconds(300))
            for index in 0..<count {
                let response = try client.readResponse()
                #expect(response.text == "/target?n=\(index)")
                if response.text != "/target?n=\(index)" { break }
            }
        }
    }

    @Test("a half-closed client still gets its response")
    func halfClose() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            try client.send(get("/_test/sleep?ms=100"))
            client.shutdownWrite()
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "slept")
            #expect(try client.isClosedByPeer())
        }
    }

    @Test("graceful shutdown finishes a request in flight and closes idle connections")
    func gracefulShutdown() async throws {
        let server = try TestServer()
        let idle = try server.tlsClient()
        #expect(try idle.request(get("/healthz")).status == 200)
        let busy = try server.tlsClient()
        try busy.send(get("/gate"))
        try await server.gate.waitForArrivals(1)
        server.server.beginShutdown()
        server.gate.open()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "passed")
        #expect(response.header("Connection") == "close")
        #expect(try idle.readToEnd().isEmpty)
        await server.server.waitUntilStopped()
        #expect(throws: TestClientError.self) { try RawTCPClient(port: server.port) }
    }
}
