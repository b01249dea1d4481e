import ChatKit
import Foundation
import Support
import Testing

@testable import Slack

@Suite("Posting to response URLs")
struct SlackReplySenderTests {
    static let message = ChatMessage(title: "Paused Weekly sync", replacesOriginal: true)

    static func sender(_ server: LoopbackHTTPServer, capture: LogCapture? = nil, timeout: TimeInterval = 5)
        -> SlackReplySender
    {
        SlackReplySender(
            policy: ResponseURLPolicy(environmentValue: "127.0.0.1"),
            renderer: SlackRenderer(blockIDPrefix: { "tb-t" }), timeout: timeout,
            logger: Logger(sink: capture?.sink ?? .discard, minimumLevel: .debug))
    }

    @Test("posts the rendered message as JSON and succeeds on 200")
    func posts() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: "ok") }
        defer { server.shutDown() }
        let capture = LogCapture()
        let url = server.baseURL + "/actions/T1/1/s3cr3t"
        try await Self.sender(server, capture: capture).send(Self.message, to: url)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/actions/T1/1/s3cr3t")
        #expect(request.headers["content-type"] == "application/json; charset=utf-8")
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"response_type":"ephemeral","replace_original":true,"text":"Paused Weekly sync","#
                + #""blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Paused Weekly sync*"}}]}"#
        )
        #expect(capture.captured.count == 1)
        #expect(capture.captured.allSatisfy { !$0.contains("s3cr3t") && !$0.contains("/actions/") })
    }

    @Test(
        "non-2xx answers and ok:false bodies are typed failures",
        arguments: [
            (404, "expired_url", SlackDeliveryError.httpStatus(404, slackError: "expired_url")),
            (400, #"{"ok":false,"error":"invalid_blocks"}"#, .httpStatus(400, slackError: "invalid_blocks")),
            (500, "<html>oops</html>", .httpStatus(500, slackError: nil)),
            (200, #"{"ok":false,"error":"used_url"}"#, .slackError("used_url")),
            (302, "", .httpStatus(302, slackError: nil)),
        ])
    func failures(status: Int, body: String, expected: SlackDeliveryError) async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(status: status, body: body, headers: status == 302 ? ["Location": "http://127.0.0.1:9/x"] : [:])
        }
        defer { server.shutDown() }
        let capture = LogCapture()
        await #expect(throws: expected) {
            try await Self.sender(server, capture: capture).send(Self.message, to: server.baseURL + "/commands/s3cr3t")
        }
        #expect(server.requests.count == 1)
        #expect(capture.captured.count == 1)
        #expect(capture.captured.allSatisfy { $0.contains("\"level\":\"warning\"") && !$0.contains("s3cr3t") })
    }

    @Test("a redirect is not followed, even to an allowed host")
    func noRedirect() async throws {
        let target = try LoopbackHTTPServer { _ in .respond(status: 200, body: "ok") }
        defer { target.shutDown() }
        let server = try LoopbackHTTPServer { _ in
            .respond(status: 307, body: "", headers: ["Location": target.baseURL + "/elsewhere"])
        }
        defer { server.shutDown() }
        await #expect(throws: SlackDeliveryError.httpStatus(307, slackError: nil)) {
            try await Self.sender(server).send(Self.message, to: server.baseURL + "/r")
        }
        #expect(target.requests.isEmpty)
    }

    @Test("a URL outside the policy is refused without any request")
    func refused() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: "ok") }
        defer { server.shutDown() }
        let strict = SlackReplySender(policy: ResponseURLPolicy())
        await #expect(throws: SlackDeliveryError.refused(.hostNotAllowed("127.0.0.1"))) {
            try await strict.send(Self.message, to: server.baseURL + "/r")
        }
        await #expect(throws: SlackDeliveryError.refused(.schemeNotAllowed("http"))) {
            try await strict.send(Self.message, to: "http://hooks.slack.com/r")
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a server that never answers times out after the configured time", arguments: [0.2, 1.0])
    func timeout(seconds: TimeInterval) async throws {
        let server = try LoopbackHTTPServer { _ in .hang }
        defer { server.shutDown() }
        let started = Date()
        await #expect(throws: SlackDeliveryError.timedOut) {
            try await Self.sender(server, timeout: seconds).send(Self.message, to: server.baseURL + "/r")
        }
        let elapsed = Date().timeIntervalSince(started)
        // Sub-second timeouts are rounded up to one second rather than failing at once.
        #expect(elapsed >= 0.9 && elapsed < 4)
        #expect(server.requests.count == 1)
    }

    @Test("a closed port is a transport failure")
    func connectionRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: "ok") }
        let url = server.baseURL + "/r"
        server.shutDown()
        do {
            try await Self.sender(server, timeout: 2).send(Self.message, to: url)
            Issue.record("expected a failure")
        } catch {
            guard case .transport = error else {
                Issue.record("expected a transport failure, got \(error)")
                return
            }
            #expect(!error.description.contains("127.0.0.1"))
        }
    }
}
