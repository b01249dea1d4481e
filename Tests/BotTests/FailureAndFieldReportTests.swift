import Foundation
import Storage
import Testing

@testable import Bot

/// What the bot says when the tasks API fails or hangs, and the field reports about signatures and the
/// 3-second deadline.
@Suite("Tasks API failures and field reports", .serialized)
struct FailureAndFieldReportTests {
    /// 2026-12-03T15:00:00Z, the server clock of the field reports.
    static let reportTime: TimeInterval = 1_796_310_000

    @Test("403 on Confirm: one clear sentence replaces the preview, nothing changes")
    func forbidden() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        try await bot.fault(status: 403, count: 1)
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let result = try #require(await bot.nextReply())
        #expect(result.replacesOriginal)
        #expect(result.text.contains("The API key may not change this task (403). Ask an admin of the task's account"))
        #expect(try await bot.task().enabled == true)
    }

    @Test("a task of another account is not visible to the key")
    func foreign() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let reply = try await bot.command("pause c0ffee00-1111-4222-8333-944455556666").reply
        #expect(reply.text.contains("No task matches “c0ffee00-1111-4222-8333-944455556666”."))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
    }

    @Test("404: the task was deleted between preview and Confirm")
    func notFound() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        let deleted = try await bot.admin.send(
            method: "DELETE", path: "/api/tasks",
            headers: [("x-api-key", TestBot.apiKey), ("Content-Type", "application/json")],
            body: Array(#"{"id":"\#(TestBot.aade)"}"#.utf8))
        #expect(deleted.status == 200)
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let result = try #require(await bot.nextReply())
        #expect(result.text.contains("Nothing changed on “Weekly Genre Pulse Check” (aade2bce)."))
        #expect(result.text.contains("No task with that id exists any more (404)."))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
    }

    @Test("500: one clear sentence and nothing changed")
    func serverError() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        try await bot.fault(status: 500, count: 10)
        let reply = try await bot.command("show aade").reply
        #expect(reply.text.contains("The tasks API failed (500). Try again in a few minutes"))
    }

    @Test("a hanging tasks API: acknowledged at once, the answer follows through response_url")
    func hanging() async throws {
        let bot = try await TestBot(requestTimeout: .seconds(1), configure: { $0.acknowledgementBudget = 0.5 })
        defer { Task { await bot.stop() } }
        try await bot.fault(delayMS: 5000, count: 10)
        let (status, ack, elapsed) = try await bot.command("show aade")
        #expect(status == 200)
        #expect(elapsed < 1.5)
        #expect(ack.text.contains("Working on it"))
        let late = try #require(await bot.nextReply(timeout: 10))
        #expect(late.text.contains("The tasks API did not answer within 1 s. Nothing was changed"))
    }

    @Test("B07: every API call takes 5 s; both webhooks answer within 3 s and exactly one PATCH follows")
    func b07() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        try await bot.fault(delayMS: 5000, count: 100)
        let (status, ack, elapsed) = try await bot.command("move task aade to Thursday 9am")
        #expect(status == 200)
        #expect(elapsed < 3)
        #expect(ack.text.contains("Working on it"))
        let preview = try #require(await bot.nextReply(timeout: 15))
        #expect(preview.replacesOriginal)
        let click = try await bot.click("confirm", value: try #require(preview.confirmValue))
        #expect(click.status == 200)
        #expect(click.elapsed < 3)
        let result = try #require(await bot.nextReply(timeout: 25))
        #expect(result.text.contains("Rescheduled “Weekly Genre Pulse Check” (aade2bce)"))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
    }

    @Test("a Confirm whose claim cannot be committed is refused with 503 in time; pressed again it applies once")
    func claimNotCommitted() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        let value = try #require(preview.confirmValue)
        // Another connection holds the store's write lock longer than the store waits for it.
        let locker = try SQLiteDatabase(path: AuditReport.storePath(stateDirectory: bot.directory.path))
        try locker.execute("BEGIN IMMEDIATE")
        let refused = try await bot.click("confirm", value: value)
        try locker.execute("COMMIT")
        #expect(refused.status == 503)
        #expect(refused.elapsed >= 1.5 && refused.elapsed < 3, "\(refused.elapsed)")
        #expect(try bot.bot.store.pendingChange(id: value)?.state == .previewed)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)

        let accepted = try await bot.click("confirm", value: value)
        #expect(accepted.status == 200)
        let result = try #require(await bot.nextReply())
        #expect(result.text.contains("Paused “Weekly Genre Pulse Check” (aade2bce)"))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
        #expect(bot.logs.captured.contains { $0.contains(#""msg":"could not record a decision""#) })
    }

    @Test("B01: the signature covers the raw bytes; any changed byte gives 401 and no API call")
    func b01() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        bot.clock.advance(Self.reportTime - Date().timeIntervalSince1970)
        let body =
            "token=XXXXXXXX&team_id=T0000000&channel_id=C0000000&user_id=U0000000&command=%2Ftask&text=rename+task"
            + "+aade2bce+to+%2Aurgent%2A+weekly+sync&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0000000"
            + "%2F1%2Fxxxx&trigger_id=1.1.xxxx"
        #expect(body.utf8.count == 234)
        let signature = "v0=100863de4014cce33e57bee8ff3f780f686a6582bb3761f2dbf46873c68b01ba"
        let accepted = try await bot.post("/slack/commands", body: body, timestamp: "1796310000", signature: signature)
        #expect(accepted.status == 200)
        let preview = SlackReply(accepted.body)
        #expect(preview.text.contains("*Title*: Weekly Genre Pulse Check → *urgent* weekly sync"))
        #expect(preview.confirmValue != nil)
        let calls = try await bot.apiCalls("GET /api/tasks")
        var tampered = Array(body.utf8)
        tampered[100] ^= 0x01
        let rejected = try await bot.post(
            "/slack/commands", body: String(decoding: tampered, as: UTF8.self), timestamp: "1796310000",
            signature: signature)
        #expect(rejected.status == 401)
        #expect(try await bot.apiCalls("GET /api/tasks") == calls)
    }

    @Test("B02: a replayed request outside 300 s is refused; the fresh one pauses aade2bce")
    func b02() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        bot.clock.advance(Self.reportTime - Date().timeIntervalSince1970)
        let body =
            "token=XXXXXXXX&team_id=T0000000&user_id=U0000000&command=%2Ftask&text=pause+task+aade2bce&response_url="
            + "https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0000000%2F1%2Fxxxx"
        let old = try await bot.post(
            "/slack/commands", body: body, timestamp: "1796309400",
            signature: "v0=59ada39fabca14f73e2454040d0c810d7eb470373dfce87bb6e550cc1740be5b")
        #expect(old.status == 401)
        let future = String(Int(Self.reportTime) + 301)
        let ahead = try await bot.post(
            "/slack/commands", body: body, timestamp: future,
            signature: bot.signer.sign(body: Array(body.utf8), timestamp: future))
        #expect(ahead.status == 401)
        let words = try await bot.post("/slack/commands", body: body, timestamp: "soon", signature: "v0=00")
        #expect(words.status == 401)
        let fresh = try await bot.post(
            "/slack/commands", body: body, timestamp: "1796310000",
            signature: "v0=937eb4c518110574a3a475c64e549599579a430516b40eefe2dc03fa6199432f")
        #expect(fresh.status == 200)
        let preview = SlackReply(fresh.body)
        #expect(preview.text.contains("Pause “Weekly Genre Pulse Check” (aade2bce)?"))
        #expect(preview.text.contains("*Status*: running → paused"))
        let changeID = try #require(preview.confirmValue)
        let stored = try #require(try bot.bot.store.pendingChange(id: changeID))
        #expect(stored.items.map(\.after) == [TaskFields(enabled: false)])
        #expect(stored.items.map(\.taskID) == [TestBot.aade])
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
    }

    @Test("ssl_check probes get an empty 200 and nothing else")
    func sslCheck() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let response = try await bot.client.send(
            method: "POST", path: "/slack/commands", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("ssl_check=1&token=x".utf8))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(try await bot.apiCalls("GET /api/tasks") == 0)
    }
}
