import ChatKit
import Foundation
import Testing

@testable import Slack

@Suite("Slack Web API calls")
struct SlackWebAPITests {
    static func api(_ server: LoopbackHTTPServer) throws -> SlackWebAPI {
        SlackWebAPI(
            token: "xoxb-test-token", baseURL: try #require(URL(string: server.baseURL + "/api/")),
            renderer: SlackRenderer(blockIDPrefix: { "tb-t" }), timeout: 2)
    }

    @Test("users.info gives the profile's time zone, asked with the bot token")
    func usersInfo() async throws {
        let server = try LoopbackHTTPServer { _ in
            .respond(
                status: 200,
                body: #"{"ok":true,"user":{"id":"U1","tz":"America/Los_Angeles","#
                    + #""tz_label":"Pacific","tz_offset":-28800}}"#
            )
        }
        defer { server.shutDown() }
        #expect(try await Self.api(server).usersInfoTimeZone(user: "U1") == "America/Los_Angeles")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/api/users.info?user=U1")
        #expect(request.headers["authorization"] == "Bearer xoxb-test-token")
    }

    @Test(
        "a user without a zone gives nil; Slack's errors are typed",
        arguments: [
            (#"{"ok":true,"user":{"id":"U1"}}"#, 200, nil),
            (#"{"ok":false,"error":"user_not_found"}"#, 200, SlackDeliveryError.slackError("user_not_found")),
            (#"{"ok":false,"error":"ratelimited"}"#, 429, .httpStatus(429, slackError: "ratelimited")),
            ("not json", 200, .malformedResponse),
            (#"{"ok":true}"#, 200, .malformedResponse),
        ])
    func usersInfoFailures(body: String, status: Int, expected: SlackDeliveryError?) async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: status, body: body) }
        defer { server.shutDown() }
        let api = try Self.api(server)
        if let expected {
            await #expect(throws: expected) { _ = try await api.usersInfoTimeZone(user: "U1") }
        } else {
            #expect(try await api.usersInfoTimeZone(user: "U1") == nil)
        }
    }

    @Test("chat.postMessage sends the rendered message to the channel")
    func postMessage() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 200, body: #"{"ok":true,"ts":"1.2"}"#) }
        defer { server.shutDown() }
        try await Self.api(server).postMessage(channel: "C1", message: ChatMessage(title: "Done"))
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/chat.postMessage")
        #expect(request.headers["authorization"] == "Bearer xoxb-test-token")
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"channel":"C1","text":"Done","#
                + #""blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Done*"}}]}"#
        )
    }

    @Test("errors never carry the token")
    func tokenNotInErrors() async throws {
        let server = try LoopbackHTTPServer { _ in .respond(status: 401, body: #"{"ok":false,"error":"invalid_auth"}"#)
        }
        defer { server.shutDown() }
        let api = try Self.api(server)
        do {
            try await api.postMessage(channel: "C1", message: ChatMessage(title: "x"))
            Issue.record("expected a failure")
        } catch {
            #expect(error == .httpStatus(401, slackError: "invalid_auth"))
            #expect(!error.description.contains("xoxb"))
        }
    }
}
