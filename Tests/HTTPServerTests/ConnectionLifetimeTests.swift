import Foundation
import HTTPServer
import Support
import TestSupport
import Testing

/// Deadlines measured from the right moment, and the log line of requests that end unusually.
@Suite("Connection lifetime and unusual endings")
struct ConnectionLifetimeTests {
    /// A head deadline much shorter than the idle timeout, so that one used in place of the other shows.
    static func distinctDeadlines(_ configuration: inout ServerConfiguration) {
        configuration.headDeadline = .seconds(2)
        configuration.bodyDeadline = .seconds(2)
        configuration.idleTimeout = .seconds(4)
    }

    @Test("answers given on the loop keep a connection alive past the head deadline; idle, it lasts the idle timeout")
    func inlineAnswersRestartDeadlines() async throws {
        try await withServer(configure: Self.distinctDeadlines) { server in
            let client = try server.tlsClient(timeout: .seconds(8))
            let clock = ContinuousClock()
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(500))
                #expect(try client.request(get("/healthz")).status == 200)
                #expect(try client.request(get("/nope")).status == 404)
            }
            // Measured from the last answer received: a sleep that overruns on a loaded machine would
            // otherwise shorten the idle time this test sees.
            let idleSince = clock.now
            #expect(try client.readToEnd().isEmpty)
            let idle = clock.now - idleSince
            #expect(idle >= .milliseconds(3300) && idle < .seconds(7), "\(idle)")
        }
    }

    @Test("the head deadline of a second request counts from the end of the first, not from the accept")
    func secondHeadDeadline() async throws {
        try await withServer(configure: Self.distinctDeadlines) { server in
            let client = try server.tlsClient(timeout: .seconds(8))
            #expect(try client.request(get("/healthz")).status == 200)
            try await Task.sleep(for: .milliseconds(1500))
            let clock = ContinuousClock()
            let started = clock.now
            try client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")
            let response = try client.readResponse()
            #expect(response.status == 408)
            let waited = clock.now - started
            #expect(waited >= .milliseconds(1500) && waited < .seconds(5), "\(waited)")
        }
    }

    @Test("a request whose client left before the answer still gets its log line")
    func clientGoneBeforeAnswer() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            try client.send(get("/gate", "X-Request-Id: gone-1\r\n"))
            try await server.gate.waitForArrivals(1)
            client.reset()
            try await Task.sleep(for: .milliseconds(100))
            server.gate.open()
            let line = try #require(await server.logs.firstLine(containing: #""request_id":"gone-1""#))
            for part in [
                #""msg":"request""#, #""method":"GET""#, #""path":"/gate""#, #""status":"200""#, #""bytes":"0""#,
                #""outcome":"the client closed the connection before the answer""#,
            ] {
                #expect(line.contains(part), "\(part) in \(line)")
            }
        }
    }

    @Test("a refused request is logged with its method, path, status, size and duration, never its query")
    func refusedRequestLine() async throws {
        try await withServer(tls: false) { server in
            let client = try server.plainClient()
            let response = try client.request(
                "POST /echo?secret=sekrit HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
            #expect(response.status == 413)
            let line = try #require(await server.logs.firstLine(containing: #""msg":"request rejected""#))
            for part in [
                #""method":"POST""#, #""path":"/echo""#, #""status":"413""#, #""bytes":""#, #""duration_ms":""#,
                #""reason":""#, #""request_id":""#,
            ] {
                #expect(line.contains(part), "\(part) in \(line)")
            }
            #expect(!line.contains("sekrit"))
        }
    }

    @Test("a TLS 1.2 session cut at the idle deadline still resumes from the session cache")
    func sessionSurvivesIdleClose() async throws {
        try await withServer(configure: shortDeadlines) { server in
            let session = server.directory.path + "/session.pem"
            let common = [
                "s_client", "-connect", "127.0.0.1:\(server.port)", "-tls1_2", "-no_ticket", "-CAfile",
                server.certificatePath,
            ]
            // -ign_eof keeps the client connected until the server closes at its idle deadline.
            let first = try await ProcessRunner.run(
                "openssl", common + ["-ign_eof", "-sess_out", session], input: get("/healthz"))
            #expect(first.standardOutput.contains("HTTP/1.1 200 OK"), "\(first.standardError)")
            let second = try await ProcessRunner.run("openssl", common + ["-sess_in", session], input: "")
            #expect(second.standardOutput.contains("Reused, TLSv1.2"), "\(second.standardOutput)")
        }
    }

    @Test("once a graceful stop begins, new connections are refused while a request in flight finishes")
    func stopRefusesNewConnections() async throws {
        let server = try TestServer(tls: false)
        let busy = try server.plainClient()
        try busy.send(get("/gate"))
        try await server.gate.waitForArrivals(1)
        server.server.beginShutdown()
        try await Task.sleep(for: .milliseconds(100))
        #expect(throws: TestClientError.self) { try RawTCPClient(port: server.port) }
        server.gate.open()
        #expect(try busy.readResponse().status == 200)
        await server.server.waitUntilStopped()
    }
}
