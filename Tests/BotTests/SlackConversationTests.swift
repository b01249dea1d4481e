import Foundation
import Testing

@testable import Bot

/// The main job over real HTTPS with Slack-signed requests, against the local tasks API.
@Suite("Slack conversation end to end", .serialized)
struct SlackConversationTests {
    @Test("pause: preview with buttons, one PATCH on Confirm, result replaces the preview")
    func pause() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let (status, preview, elapsed) = try await bot.command("pause task aade2bce")
        #expect(status == 200)
        #expect(elapsed < 3)
        #expect(preview.text.contains("Pause “Weekly Genre Pulse Check” (aade2bce)?"))
        #expect(preview.text.contains("*Status*: running → paused"))
        #expect(preview.json["response_type"] as? String == "ephemeral")
        let confirm = try #require(preview.confirmValue)
        #expect(preview.buttons.map(\.actionID) == ["confirm", "cancel"])
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)

        let click = try await bot.click("confirm", value: confirm)
        #expect(click.status == 200)
        let result = try #require(await bot.nextReply())
        #expect(result.replacesOriginal)
        #expect(result.text.contains("Paused “Weekly Genre Pulse Check” (aade2bce) by <@U0000001>."))
        #expect(try await bot.task().enabled == false)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
    }

    @Test("resume a paused task")
    func resume() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        try await bot.patchDirectly(["enabled": false])
        let preview = try await bot.command("resume aade").reply
        #expect(preview.text.contains("Resume “Weekly Genre Pulse Check” (aade2bce)?"))
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        #expect(await bot.nextReply()?.text.contains("Resumed “Weekly Genre Pulse Check”") == true)
        #expect(try await bot.task().enabled == true)
    }

    @Test("move without a zone keeps the task's zone; with a zone it sets it")
    func move() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let plain = try await bot.command("move task aade to Friday 8am").reply
        #expect(
            plain.text.contains("*Schedule*: at 10:00 on Thursday (`0 10 * * 4`) → at 08:00 on Friday (`0 8 * * 5`)"))
        _ = try await bot.click("confirm", value: try #require(plain.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().schedule == "0 8 * * 5")

        let zoned = try await bot.command("move task aade to Thursday 10am PT").reply
        #expect(zoned.text.contains("*Time zone*: UTC → America/Los_Angeles"))
        _ = try await bot.click("confirm", value: try #require(zoned.confirmValue))
        _ = await bot.nextReply()
        let task = try await bot.task()
        #expect(task.schedule == "0 10 * * 4")
        #expect(task.timezone == "America/Los_Angeles")
    }

    @Test("rename and set prompt keep every character")
    func renameAndPrompt() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        // Slack escapes the &, < and > a person types; the bot must undo exactly that.
        let rename = try await bot.command("rename aade to Weekly sync: genre + mood &amp; &lt;more&gt;").reply
        _ = try await bot.click("confirm", value: try #require(rename.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().title == "Weekly sync: genre + mood & <more>")

        let prompt = try await bot.command("set prompt of aade to List the top 5 movers, then explain why.").reply
        _ = try await bot.click("confirm", value: try #require(prompt.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().prompt == "List the top 5 movers, then explain why.")

        // Runs of spaces, curly quotes, emoji sequences and line breaks are the person's, not Slack's.
        let title = "Mood  board: \u{201C}late\u{201D} night\u{2019}s \u{1F469}\u{200D}\u{1F4BB} picks"
        let retitle = try await bot.command("rename aade to \u{00A0}\(title)\u{200B} ").reply
        #expect(retitle.text.contains("→ \(title)"), "\(retitle.text)")
        _ = try await bot.click("confirm", value: try #require(retitle.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().title == title)

        let lines = "Summarise the week.\n\n- top 5 movers\n- one surprise\n\nKeep it short."
        let reprompt = try await bot.command("set prompt of aade to \(lines)").reply
        _ = try await bot.click("confirm", value: try #require(reprompt.confirmValue))
        _ = await bot.nextReply()
        #expect(try await bot.task().prompt == lines)
    }

    @Test("show, list and help answer at once without a preview")
    func readOnly() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let show = try await bot.command("show aade").reply
        #expect(show.text.contains("“Weekly Genre Pulse Check” (aade2bce)"))
        #expect(show.text.contains("at 10:00 on Thursday (`0 10 * * 4`) in UTC"))
        #expect(show.text.contains("*Next runs*:"))
        #expect(show.text.contains("*Recent runs*:"))
        #expect(show.buttons.isEmpty)
        let list = try await bot.command("list").reply
        #expect(list.text.contains("aade2bce Weekly Genre Pulse Check"))
        #expect(list.text.contains("Tasks (6), page 1 of 1"))
        let help = try await bot.command("help").reply
        #expect(help.text.contains("`/tasks pause aade`"))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
    }

    @Test("a bad signature and an old timestamp get 401 and reach nothing")
    func signatures() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let body = TestBot.form([("team_id", "T1"), ("user_id", "U1"), ("command", "/tasks"), ("text", "list")])
        let bad = try await bot.post(
            "/slack/commands", body: body, signature: "v0=" + String(repeating: "0", count: 64))
        #expect(bad.status == 401)
        #expect(bad.text == #"{"error":"invalid request signature"}"#)
        let old = String(Int(Date().timeIntervalSince1970) - 600)
        let stale = try await bot.post(
            "/slack/commands", body: body, timestamp: old,
            signature: bot.signer.sign(body: Array(body.utf8), timestamp: old))
        #expect(stale.status == 401)
        let future = String(Int(Date().timeIntervalSince1970) + 301)
        let ahead = try await bot.post(
            "/slack/commands", body: body, timestamp: future,
            signature: bot.signer.sign(body: Array(body.utf8), timestamp: future))
        #expect(ahead.status == 401)
        let garbage = try await bot.post("/slack/commands", body: body, timestamp: "12abc", signature: "v0=zz")
        #expect(garbage.status == 401)
        #expect(try await bot.apiCalls("GET /api/tasks") == 0)
        #expect(bot.bot.metrics.render().contains("taskbot_signature_failures_total 4"))
    }

    @Test("only the requester may confirm; another user's click changes nothing")
    func otherUser() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade", user: "U0000001").reply
        let click = try await bot.click("confirm", value: try #require(preview.confirmValue), user: "U0000002")
        #expect(click.status == 200)
        let note = try #require(await bot.nextReply())
        #expect(note.text.contains("Only <@U0000001> can confirm or cancel this change. Nothing was changed."))
        #expect(!note.replacesOriginal)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
        #expect(try await bot.task().enabled == true)
    }

    @Test("an expired preview cannot be confirmed")
    func expired() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        bot.clock.advance(16 * 60)
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let note = try #require(await bot.nextReply())
        #expect(note.text.contains("This preview expired, so nothing was changed."))
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 0)
    }

    @Test("a double click sends exactly one PATCH and says the change was already applied")
    func doubleClick() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        let value = try #require(preview.confirmValue)
        async let first = bot.click("confirm", value: value)
        async let second = bot.click("confirm", value: value)
        let statuses = try await [first.status, second.status]
        #expect(statuses == [200, 200])
        var texts: [String] = []
        for _ in 0..<2 { if let reply = await bot.nextReply() { texts.append(reply.text) } }
        #expect(texts.contains { $0.contains("Already applied: this change was confirmed once.") })
        #expect(texts.contains { $0.contains("Paused “Weekly Genre Pulse Check”") })
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
    }

    @Test("a task changed after the preview gets a fresh preview and no PATCH")
    func stale() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("move aade to Friday 9am").reply
        try await bot.patchDirectly(["schedule": "0 7 * * 1"])
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let fresh = try #require(await bot.nextReply())
        #expect(fresh.replacesOriginal)
        #expect(fresh.text.contains("The task changed after your preview, so I did not apply it."))
        #expect(fresh.text.contains("at 07:00 on Monday (`0 7 * * 1`) → at 09:00 on Friday (`0 9 * * 5`)"))
        #expect(fresh.confirmValue != nil)
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
        #expect(try await bot.task().schedule == "0 7 * * 1")
    }

    @Test("a task someone else set to the previewed values is not PATCHed and not credited to the clicker")
    func alreadySetBySomeoneElse() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let preview = try await bot.command("pause aade").reply
        try await bot.patchDirectly(["enabled": false])
        _ = try await bot.click("confirm", value: try #require(preview.confirmValue))
        let result = try #require(await bot.nextReply())
        #expect(result.replacesOriginal)
        #expect(result.text.contains("It already had these values, so there was nothing to change."), "\(result.text)")
        #expect(try await bot.apiCalls("PATCH /api/tasks") == 1)
        #expect(try bot.bot.store.history(taskID: TestBot.aade, limit: 10).isEmpty)
        #expect(try await bot.task().enabled == false)
    }

    @Test("an ambiguous prefix offers one button per task; picking one previews it")
    func ambiguous() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let choice = try await bot.command("pause 5d21").reply
        #expect(choice.text.contains("“5d21” matches 2 tasks. Which one did you mean?"))
        let picks = choice.buttons.filter { $0.actionID == "pick" }
        #expect(picks.count == 2)
        _ = try await bot.click("pick", value: picks[0].value)
        let preview = try #require(await bot.nextReply())
        #expect(preview.text.contains("Pause “"))
        #expect(preview.confirmValue != nil)
    }

    @Test("an unknown task and an unknown command explain what to do")
    func unknown() async throws {
        let bot = try await TestBot()
        defer { Task { await bot.stop() } }
        let missing = try await bot.command("pause ffff").reply
        #expect(missing.text.contains("No task matches “ffff”. See your tasks with `/tasks list`."))
        let typo = try await bot.command("pasue aade").reply
        #expect(typo.text.contains("Did you mean `pause`?"))
    }
}
