import Foundation
import HTTPClient
import HTTPServer
import TestSupport
import Testing

@testable import Bot

/// Durable changes, audit, undo, timed pauses and bulk changes, with the real store and the local API.
@Suite("Durability and the on-call toolkit", .serialized)
struct OnCallTests {
    /// Confirms the preview of `text` and returns the result message.
    func apply(_ text: String, on bot: TestBot) async throws -> SlackReply {
        let preview = try await bot.command(text).reply
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue, "no preview for \(text)"))
        return try #require(await bot.nextReply(), "no result for \(text)")
    }

    @Test("undo offers the before-values of the user's last change and applies them on Confirm")
    func undo() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        _ = try await apply("move aade to Monday 8am", on: bot)
        #expect(try await bot.task().schedule == "0 8 * * 1")
        let preview = try await bot.command("undo").reply
        #expect(preview.text.contains("Undo your last change of “Weekly Genre Pulse Check” (aade2bce)?"))
        #expect(preview.text.contains("at 08:00 on Monday (`0 8 * * 1`) → at 10:00 on Thursday (`0 10 * * 4`)"))
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        #expect(await bot.nextReply()?.text.contains("Reverted “Weekly Genre Pulse Check”") == true)
        #expect(try await bot.task().schedule == "0 10 * * 4")
        let history = try await bot.command("history aade").reply.text
        let undone = try #require(history.range(of: "at 08:00 on Monday (`0 8 * * 1`) → at 10:00"))
        let first = try #require(history.range(of: "at 10:00 on Thursday (`0 10 * * 4`) → at 08:00"))
        #expect(undone.lowerBound < first.lowerBound, "history is newest first")
        #expect(try await bot.command("undo").reply.text.contains("You have no change to undo."))
    }

    @Test("undo is refused when the task changed after the user's change")
    func undoRefused() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        _ = try await apply("pause aade", on: bot)
        try await bot.patchDirectly(["enabled": true])
        let reply = try await bot.command("undo").reply
        #expect(reply.text.contains("changed since your last change, so I won't undo it."))
        #expect(reply.text.contains("Undo would overwrite the newer change. Nothing was changed."))
        #expect(reply.confirmValue == nil)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 2)
    }

    @Test("a timed pause resumes by itself, is audited, and is announced in the channel")
    func snooze() async throws {
        let slackAPI = try PostCollector { post in
            post.target.contains("users.info")
                ? .json(200, #"{"ok":true,"user":{"id":"U0000001","tz":"Europe/Berlin"}}"#)
                : .json(200, #"{"ok":true}"#)
        }
        defer { Task { await slackAPI.stop() } }
        let bot = try await TestBot(
            settings: {
                $0.slackBotToken = "xoxb-test"; $0.slackAPIBaseURL = URL(string: slackAPI.url("/api/"))!
            })
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade for 2 minutes").reply
        #expect(preview.text.contains("*Resumes*:"))
        #expect(preview.text.contains("(in 2 min)"))
        #expect(preview.text.contains("Times are shown in Europe/Berlin."), "zone from the Slack profile")
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().enabled == false)
        #expect(try await bot.command("list").reply.text.contains("Weekly Genre Pulse Check*: paused until"))
        bot.clock.advance(121)
        bot.bot.worker.poke()
        var enabled = false
        for _ in 0..<100 where !enabled {
            try await Task.sleep(for: .milliseconds(50))
            enabled = try await bot.task().enabled ?? true
        }
        #expect(enabled)
        let entries = try bot.bot.store.history(taskID: TestBot.aade, limit: 10)
        #expect(entries.map(\.user) == ["taskbot", "U0000001"])
        #expect(entries.first?.after == TaskFields(enabled: true))
        let notice = try #require(slackAPI.posts.first { $0.target.hasSuffix("chat.postMessage") })
        #expect(notice.text.contains(#""channel":"C0000001""#))
        #expect(notice.text.contains("is running again: the timed pause by <@U0000001> ended."))
        #expect(try bot.bot.store.snooze(taskID: TestBot.aade) == nil)
    }

    @Test("resuming by hand cancels the timer of a timed pause")
    func resumeCancelsTimer() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        _ = try await apply("pause aade until Monday 9am", on: bot)
        #expect(try bot.bot.store.snooze(taskID: TestBot.aade) != nil)
        _ = try await apply("resume aade", on: bot)
        #expect(try bot.bot.store.snooze(taskID: TestBot.aade) == nil)
    }

    @Test("a timed pause shorter than a minute or longer than 30 days is refused")
    func snoozeLimits() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        #expect(try await bot.command("pause aade for 30 seconds").reply.confirmValue == nil)
        #expect(try await bot.command("pause aade for 45 days").reply.confirmValue == nil)
    }

    @Test("pause all with one task failing reports task by task, and one undo reverts the batch")
    func bulk() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause all").reply
        #expect(preview.text.contains("Pause 5 tasks?"))
        #expect(preview.text.contains("“Daily Streaming Numbers” (12ab34cd)*: running, next run"))
        let deleted = try await bot.admin.send(
            method: "DELETE", path: "/api/tasks",
            headers: [("x-api-key", TestBot.apiKey), ("Content-Type", "application/json")],
            body: Array(#"{"id":"b9e04f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a"}"#.utf8))
        #expect(deleted.status == 200, "seeded id of Social Mentions Digest")
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let result = try #require(await bot.nextReply())
        #expect(result.text.contains("Changed 4 of 5 tasks by <@U0000001>."))
        #expect(result.text.contains("“Social Mentions Digest” (b9e04f1a)*: not changed: No task with that id exists"))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 4)

        let undo = try await bot.command("undo").reply
        #expect(undo.text.contains("Undo the change of 4 tasks?"))
        _ = try await bot.click("confirm", value: try #require(undo.confirmValue))
        #expect(await bot.nextReply()?.text.contains("Changed 4 of 4 tasks") == true)
        #expect(try await bot.task().enabled == true)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 8)
    }

    @Test("SIGKILL while the tasks API answers 503: after restart the change is applied once and reported")
    func crash() async throws {
        let bot = try await RestartableBot(prefix: "taskbot-crash")
        defer { Task { await bot.stop() } }
        let (tasksAPI, slack, player) = (bot.tasksAPI, bot.slack, bot.player)

        let preview = SlackReply(try await player.command("pause task aade").body)
        let changeID = try #require(preview.confirmValue)
        try await tasksAPI.fault(status: 503, count: 100_000)
        #expect(try await player.click("confirm", value: changeID).status == 200)
        let pending = try #require(await slack.next(timeout: 15))
        #expect(SlackReply(pending.body).text.contains("Your change is saved but not applied yet"))
        bot.process.signal(SIGKILL)
        #expect(await bot.process.waitForExit() != nil)

        try await tasksAPI.fault(count: 0)
        try await bot.restart()
        // Replies are delivered at least once: the kill may land between posting the pending notice and
        // recording it, so the restarted bot may post that notice again before the result.
        var result = try #require(await slack.next(timeout: 30))
        var repeatedNotices = 0
        while SlackReply(result.body).text.contains("saved but not applied yet") && repeatedNotices < 3 {
            repeatedNotices += 1
            result = try #require(await slack.next(timeout: 30))
        }
        #expect(repeatedNotices <= 1)
        #expect(SlackReply(result.body).text.contains("Paused “Weekly Genre Pulse Check” (aade2bce) by <@U0000001>."))
        #expect(try await tasksAPI.task().enabled == false)
        #expect(try await tasksAPI.calls("PATCH /api/tasks") == 1)
        bot.process.signal(SIGTERM)
        #expect(await bot.process.waitForExit() == 0)
        let audit = try await ProcessRunner.run(TaskbotProcess.binary, ["audit", "--state", bot.state, "--json"])
        #expect(audit.status == 0)
        #expect(audit.standardOutput.contains(#""task_id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a""#))
        #expect(audit.standardOutput.contains(#""before":{"enabled":true},"after":{"enabled":false}"#))
        #expect(audit.standardOutput.contains(#""user":"U0000001""#))
    }

    @Test("SIGTERM while the tasks API hangs: exit 0 within the grace, no pending notice; restarted, applied once")
    func stopWhileApplying() async throws {
        let bot = try await RestartableBot(prefix: "taskbot-stop")
        defer { Task { await bot.stop() } }
        let (tasksAPI, slack, player) = (bot.tasksAPI, bot.slack, bot.player)

        let preview = SlackReply(try await player.command("pause task aade").body)
        let changeID = try #require(preview.confirmValue)
        // The worker's re-read of the task hangs far longer than a stop may take.
        try await tasksAPI.fault(delayMS: 60_000, count: 1)
        let readsBefore = try await tasksAPI.calls("GET /api/tasks")
        #expect(try await player.click("confirm", value: changeID).status == 200)
        let clock = ContinuousClock()
        let waitStarted = clock.now
        while try await tasksAPI.calls("GET /api/tasks") == readsBefore, clock.now - waitStarted < .seconds(10) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let stopping = clock.now
        bot.process.signal(SIGTERM)
        #expect(await bot.process.waitForExit(timeout: .seconds(20)) == 0)
        #expect(clock.now - stopping < .seconds(11), "a stop must end within the 10 s grace")
        #expect(await slack.next(timeout: 1) == nil, "no 'not applied yet' notice for our own stop")

        try await tasksAPI.fault(count: 0)
        try await bot.restart()
        let result = try #require(await slack.next(timeout: 30))
        #expect(SlackReply(result.body).text.contains("Paused “Weekly Genre Pulse Check” (aade2bce) by <@U0000001>."))
        #expect(try await tasksAPI.task().enabled == false)
        #expect(try await tasksAPI.calls("PATCH /api/tasks") == 1)
        bot.process.signal(SIGTERM)
        #expect(await bot.process.waitForExit() == 0)
    }
}
