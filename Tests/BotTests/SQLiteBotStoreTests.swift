import Foundation
import TestSupport
import Testing

@testable import Bot

@Suite("SQLite bot store")
struct SQLiteBotStoreTests {
    let directory: TemporaryDirectory
    let store: SQLiteBotStore
    let now = Date(timeIntervalSince1970: 1_796_310_000)

    init() throws {
        directory = try TemporaryDirectory()
        store = try SQLiteBotStore(path: "\(directory.path)/taskbot.sqlite")
    }

    func change(id: String = "c1", user: String = "U1", expires: TimeInterval = 900) -> PendingChange {
        PendingChange(
            id: id, code: "K7Q2", kind: .edit, platform: "slack", workspace: "T1", channel: "C1", user: user,
            commandText: "pause aade",
            items: [
                ChangeItem(
                    taskID: "aade2bce-55c7-468e-a606-c4e76fb2ea2a", title: "Weekly Genre Pulse Check",
                    before: TaskFields(enabled: true), after: TaskFields(enabled: false))
            ], replyURL: "http://127.0.0.1:9/reply", zone: "UTC", requestID: "r1", createdAt: now,
            expiresAt: now.addingTimeInterval(expires)
        )
    }

    @Test("round-trips a pending change with every field")
    func roundTrip() throws {
        var original = change()
        original.resumeAt = now.addingTimeInterval(7200)
        try store.insert(original)
        #expect(try store.pendingChange(id: "c1") == original)
        #expect(try store.pendingChange(code: "k7q2", workspace: "T1") == original)
        #expect(try store.pendingChange(code: "K7Q2", workspace: "T2") == nil)
    }

    @Test("lets only the requester claim, and only once")
    func claimOnce() throws {
        try store.insert(change())
        #expect(try store.claim(id: "c1", user: "U2", now: now, replyURL: nil) == .wrongUser(requester: "U1"))
        guard case .done(let claimed) = try store.claim(id: "c1", user: "U1", now: now, replyURL: "http://x/click")
        else {
            Issue.record("first claim did not succeed")
            return
        }
        #expect(claimed.state == .claimed)
        #expect(claimed.replyURL == "http://x/click")
        #expect(try store.claim(id: "c1", user: "U1", now: now, replyURL: nil) == .alreadyHandled(.claimed))
        #expect(try store.cancel(id: "c1", user: "U1", now: now) == .alreadyHandled(.claimed))
        #expect(try store.claimedChanges(dueBy: now).map(\.id) == ["c1"])
        #expect(try store.claim(id: "nope", user: "U1", now: now, replyURL: nil) == .notFound)
    }

    @Test("lets exactly one of many concurrent presses claim a change")
    func concurrentClaims() async throws {
        try store.insert(change())
        let store = self.store
        let now = self.now
        let wins = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    if case .done = try? store.claim(id: "c1", user: "U1", now: now, replyURL: nil) { return true }
                    return false
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
    }

    @Test("refuses a claim after expiry and records the expiry")
    func expiry() throws {
        try store.insert(change(expires: 60))
        #expect(try store.claim(id: "c1", user: "U1", now: now.addingTimeInterval(61), replyURL: nil) == .expired)
        #expect(try store.pendingChange(id: "c1")?.state == .expired)
    }

    @Test("cleans up expired previews and old finished changes, keeping live ones")
    func cleanUp() throws {
        try store.insert(change(id: "old", expires: 60))
        try store.insert(change(id: "live", expires: 3600))
        try store.cleanUp(now: now.addingTimeInterval(120), retention: 7 * 86400)
        #expect(try store.pendingChange(id: "old")?.state == .expired)
        #expect(try store.pendingChange(id: "live")?.state == .previewed)
        #expect(try store.counts().pendingByState == [.expired: 1, .previewed: 1])
        try store.cleanUp(now: now.addingTimeInterval(8 * 86400), retention: 7 * 86400)
        #expect(try store.pendingChange(id: "old") == nil)
        #expect(try store.counts().pendingByState == [:])
    }

    @Test("completes a change with audit, reply and snooze in one step")
    func complete() throws {
        var finished = change()
        try store.insert(finished)
        finished.state = .applied
        finished.items[0].outcome = "applied"
        let entry = AuditEntry(
            at: now, platform: "slack", workspace: "T1", user: "U1", taskID: finished.items[0].taskID,
            taskTitle: "Weekly Genre Pulse Check", before: TaskFields(enabled: true), after: TaskFields(enabled: false),
            requestID: "r1", batchID: "c1")
        let reply = OutboundReply(
            pendingID: "c1", platform: "slack", url: "http://127.0.0.1:9/reply", body: "{}", nextAttemptAt: now,
            giveUpAt: now.addingTimeInterval(1800), requestID: "r1")
        let timer = SnoozeTimer(
            taskID: finished.items[0].taskID, taskTitle: "Weekly Genre Pulse Check",
            resumeAt: now.addingTimeInterval(7200), platform: "slack", workspace: "T1", channel: "C1", user: "U1",
            batchID: "c1")
        try store.complete(finished, audit: [entry], reply: reply, snoozes: [timer], cancellingSnoozesOf: [])
        #expect(try store.pendingChange(id: "c1")?.state == .applied)
        #expect(try store.history(taskID: entry.taskID, limit: 10).map(\.batchID) == ["c1"])
        #expect(try store.dueReplies(now: now, limit: 10).map(\.body) == ["{}"])
        #expect(try store.dueSnoozes(now: now.addingTimeInterval(7199)).isEmpty)
        #expect(try store.dueSnoozes(now: now.addingTimeInterval(7200)).map(\.taskID) == [entry.taskID])
    }

    @Test("keeps only the newest undelivered reply about one change")
    func replySupersedes() throws {
        for body in ["pending", "result"] {
            try store.enqueue(
                OutboundReply(
                    pendingID: "c1", platform: "slack", url: "http://127.0.0.1:9/r", body: body, nextAttemptAt: now,
                    giveUpAt: now.addingTimeInterval(1800), requestID: "r1"))
        }
        #expect(try store.dueReplies(now: now, limit: 10).map(\.body) == ["result"])
    }

    @Test("offers the newest batch of a user for undo, and not again once reverted")
    func undoBatches() throws {
        func entry(_ batch: String, task: String, reverts: String? = nil) -> AuditEntry {
            AuditEntry(
                at: now, platform: "slack", workspace: "T1", user: "U1", taskID: task, taskTitle: task,
                before: TaskFields(enabled: true), after: TaskFields(enabled: false), requestID: "r",
                batchID: batch, revertsBatch: reverts)
        }
        try store.appendAudit([entry("b1", task: "t1"), entry("b2", task: "t2"), entry("b2", task: "t3")])
        #expect(try store.lastUndoableBatch(user: "U1", workspace: "T1").map(\.taskID) == ["t2", "t3"])
        #expect(try store.lastUndoableBatch(user: "U2", workspace: "T1").isEmpty)
        try store.appendAudit([entry("u1", task: "t2", reverts: "b2"), entry("u1", task: "t3", reverts: "b2")])
        #expect(try store.lastUndoableBatch(user: "U1", workspace: "T1").map(\.taskID) == ["t1"])
    }

    @Test("survives reopening: a claimed change is still there for the worker")
    func durable() throws {
        try store.insert(change())
        _ = try store.claim(id: "c1", user: "U1", now: now, replyURL: nil)
        let reopened = try SQLiteBotStore(path: store.path)
        #expect(try reopened.claimedChanges(dueBy: now).map(\.id) == ["c1"])
    }
}
