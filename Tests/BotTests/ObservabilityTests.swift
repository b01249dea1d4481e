import Foundation
import HTTPServer
import TestSupport
import Testing

@testable import Bot

/// Metrics, readiness, request ids across hops, and logs free of secrets.
@Suite("Observability end to end", .serialized)
struct ObservabilityTests {
    @Test("the request id of the webhook reaches the API calls and the reply, and no secret reaches a log")
    func tracingAndSecrets() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("rename aade to Traced", requestID: "trace-abc-123").reply
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        _ = try #require(await bot.nextReply())
        try await Task.sleep(for: .milliseconds(200))

        let seen = try await bot.admin.send(method: "GET", path: "/_admin/requests")
        let requests = try #require(
            (try JSONSerialization.jsonObject(with: Data(seen.body)) as? [String: Any])?["requests"] as? [[String: Any]]
        )
        let patches = requests.filter { $0["method"] as? String == "PATCH" }
        #expect(patches.map { $0["request_id"] as? String } == ["trace-abc-123"])

        let logs = bot.logs.captured.joined()
        #expect(logs.contains(#""msg":"change previewed""#) && logs.contains(#""request_id":"trace-abc-123""#))
        let finished = bot.logs.captured.first { $0.contains(#""msg":"change finished""#) } ?? ""
        #expect(finished.contains(#""request_id":"trace-abc-123""#))
        let delivered = bot.logs.captured.first { $0.contains(#""msg":"reply delivered""#) } ?? ""
        #expect(delivered.contains(#""request_id":"trace-abc-123""#))
        for secret in [TestBot.secret, TestBot.apiKey, bot.slack.url("/reply"), bot.slack.url("/click"), "/click"] {
            #expect(!logs.contains(secret), "a log line holds \(secret)")
        }
    }

    @Test("/metrics counts requests (refused ones too), API calls, pending changes and replies; /readyz answers ready")
    func metrics() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        _ = try #require(await bot.nextReply())
        _ = try await bot.post("/slack/commands", body: "x=1", signature: "v0=00")
        let certificate = "\(bot.directory.path)/\(SelfSignedCertificate.certificateFileName)"
        let smuggled = try await Blocking.run { [port = bot.port] in
            let raw = try TLSTestClient(port: port, trusting: certificate)
            try raw.send(
                "POST /slack/commands HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
            return try raw.readResponse().status
        }
        #expect(smuggled == 400)
        try await Task.sleep(for: .milliseconds(200))
        let response = try await bot.client.send(method: "GET", path: "/metrics")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let text = response.text
        #expect(text.contains(#"taskbot_http_requests_total{route="/slack/commands",status="200"} 1"#))
        #expect(text.contains(#"taskbot_http_requests_total{route="/slack/commands",status="401"} 1"#))
        #expect(text.contains(#"taskbot_http_requests_total{route="/slack/interactions",status="200"} 1"#))
        #expect(text.contains(#"taskbot_http_request_duration_seconds_count{route="/slack/commands"} 2"#))
        #expect(text.contains(#"taskbot_http_requests_total{route="unparsed",status="400"} 1"#))
        #expect(!text.contains(#"taskbot_http_request_duration_seconds_count{route="unparsed"}"#))
        #expect(text.contains(#"taskbot_tasks_api_calls_total{method="PATCH",result="200"} 1"#))
        #expect(text.contains(#"taskbot_tasks_api_call_duration_seconds_count{method="PATCH"} 1"#))
        #expect(text.contains("taskbot_signature_failures_total 1"))
        #expect(text.contains(#"taskbot_pending_changes{state="applied"} 1"#))
        #expect(text.contains("taskbot_replies_waiting 0"))
        #expect(text.contains("taskbot_worker_retries_total 0"))

        let ready = try await bot.client.send(method: "GET", path: "/readyz")
        #expect(ready.status == 200)
        #expect(ready.text == #"{"status":"ready"}"#)
    }

    @Test("/readyz is 503 with the reason while the tasks API fails")
    func notReady() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        try await bot.fault(status: 503, count: 5)
        let response = try await bot.client.send(method: "GET", path: "/readyz")
        #expect(response.status == 503)
        #expect(response.text.contains(#""status":"not ready""#))
        #expect(response.text.contains("tasks API: The tasks API failed (503)."))
    }
}
