import Foundation
import Storage
import Support

/// The bot's store in one SQLite file (WAL). One replica at a time; see `BotStore`.
public final class SQLiteBotStore: BotStore {
    private let database: SQLiteDatabase

    /// How long a call waits for another connection's write lock before it fails: under Slack's 3 s, so
    /// that a press whose claim cannot be committed is refused in time rather than acknowledged late.
    public static let busyTimeout = Duration.seconds(2)

    /// Opens or creates the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        database = try SQLiteDatabase(path: path, configuration: .init(busyTimeout: Self.busyTimeout))
        _ = try database.migrate(SQLiteBotStore.migrations)
    }

    /// The file the store lives in.
    public var path: String { database.path }

    public func insert(_ change: PendingChange) throws {
        try database.run(
            """
            INSERT INTO pending_changes (id, code, kind, platform, workspace, channel, user_id, command_text,
              items, resume_at, undoes, reply_url, zone, request_id, created_at, expires_at, state, state_reason,
              claimed_at, attempts, next_attempt_at, told_pending)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Row.values(of: change)
        )
    }

    public func pendingChange(id: String) throws -> PendingChange? {
        try database.queryFirst("SELECT * FROM pending_changes WHERE id = ?", [.text(id)]).map(Row.change)
    }

    public func pendingChange(code: String, workspace: String) throws -> PendingChange? {
        try database.queryFirst(
            "SELECT * FROM pending_changes WHERE code = ? AND workspace = ? ORDER BY created_at DESC LIMIT 1",
            [.text(code.uppercased()), .text(workspace)]
        ).map(Row.change)
    }

    public func claim(id: String, user: String, now: Date, replyURL: String?) throws -> ClaimOutcome {
        try transition(id: id, user: user, now: now, to: .claimed, replyURL: replyURL)
    }

    public func cancel(id: String, user: String, now: Date) throws -> ClaimOutcome {
        try transition(id: id, user: user, now: now, to: .cancelled, replyURL: nil)
    }

    /// Moves a previewed change to `state` in one write transaction, so two presses cannot both win.
    private func transition(
        id: String, user: String, now: Date, to state: PendingChange.State, replyURL: String?
    ) throws -> ClaimOutcome {
        try database.transaction { connection -> ClaimOutcome in
            guard let row = try connection.query("SELECT * FROM pending_changes WHERE id = ?", [.text(id)]).first
            else { return .notFound }
            var change = try Row.change(row)
            guard change.user == user else { return .wrongUser(requester: change.user) }
            guard change.state == .previewed else { return .alreadyHandled(change.state) }
            if now >= change.expiresAt {
                _ = try connection.run(
                    "UPDATE pending_changes SET state = 'expired' WHERE id = ?", [.text(id)])
                return .expired
            }
            change.state = state
            change.replyURL = replyURL ?? change.replyURL
            if state == .claimed {
                change.claimedAt = now
                change.nextAttemptAt = now
            }
            _ = try connection.run(
                """
                UPDATE pending_changes SET state = ?, claimed_at = ?, next_attempt_at = ?, reply_url = ?
                WHERE id = ?
                """,
                [
                    .text(state.rawValue), Row.time(change.claimedAt), Row.time(change.nextAttemptAt),
                    SQLiteValue(change.replyURL), .text(id),
                ]
            )
            return .done(change)
        }
    }

    public func update(_ change: PendingChange) throws {
        try database.run(
            """
            UPDATE pending_changes SET items = ?, state = ?, state_reason = ?, claimed_at = ?, attempts = ?,
              next_attempt_at = ?, told_pending = ? WHERE id = ?
            """,
            [
                .text(Row.json(change.items)), .text(change.state.rawValue), SQLiteValue(change.stateReason),
                Row.time(change.claimedAt), .integer(Int64(change.attempts)), Row.time(change.nextAttemptAt),
                SQLiteValue(change.toldPending), .text(change.id),
            ]
        )
    }

    public func claimedChanges(dueBy now: Date) throws -> [PendingChange] {
        try database.query(
            "SELECT * FROM pending_changes WHERE state = 'claimed' AND next_attempt_at <= ? ORDER BY claimed_at",
            [Row.time(now)]
        ).map(Row.change)
    }

    public func complete(
        _ change: PendingChange, audit: [AuditEntry], reply: OutboundReply?, snoozes: [SnoozeTimer],
        cancellingSnoozesOf taskIDs: [String]
    ) throws {
        try database.transaction { connection in
            _ = try connection.run(
                "UPDATE pending_changes SET items = ?, state = ?, state_reason = ?, attempts = ? WHERE id = ?",
                [
                    .text(Row.json(change.items)), .text(change.state.rawValue), SQLiteValue(change.stateReason),
                    .integer(Int64(change.attempts)), .text(change.id),
                ]
            )
            for entry in audit { try Row.insert(entry, into: connection) }
            if let reply { try Row.insert(reply, into: connection) }
            for taskID in taskIDs {
                _ = try connection.run("DELETE FROM snoozes WHERE task_id = ?", [.text(taskID)])
            }
            for timer in snoozes {
                _ = try connection.run(
                    """
                    INSERT OR REPLACE INTO snoozes (task_id, task_title, resume_at, platform, workspace, channel,
                      user_id, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(timer.taskID), .text(timer.taskTitle), Row.time(timer.resumeAt), .text(timer.platform),
                        .text(timer.workspace), .text(timer.channel), .text(timer.user), .text(timer.batchID),
                    ]
                )
            }
        }
    }

    public func enqueue(_ reply: OutboundReply) throws {
        try database.withConnection { try Row.insert(reply, into: $0) }
    }

    public func dueReplies(now: Date, limit: Int) throws -> [OutboundReply] {
        try database.query(
            "SELECT * FROM replies WHERE next_attempt_at <= ? ORDER BY id LIMIT ?",
            [Row.time(now), .integer(Int64(limit))]
        ).map(Row.reply)
    }

    public func replyDelivered(id: Int64) throws { try dropReply(id: id) }

    public func replyFailed(id: Int64, nextAttemptAt: Date) throws {
        try database.run(
            "UPDATE replies SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
            [Row.time(nextAttemptAt), .integer(id)]
        )
    }

    public func dropReply(id: Int64) throws {
        try database.run("DELETE FROM replies WHERE id = ?", [.integer(id)])
    }

    public func history(taskID: String, limit: Int) throws -> [AuditEntry] {
        try database.query(
            "SELECT * FROM audit WHERE task_id = ? ORDER BY id DESC LIMIT ?", [.text(taskID), .integer(Int64(limit))]
        ).map(Row.audit)
    }

    public func lastUndoableBatch(user: String, workspace: String) throws -> [AuditEntry] {
        let undone = "SELECT reverts_batch FROM audit WHERE reverts_batch IS NOT NULL"
        guard
            let newest = try database.queryFirst(
                """
                SELECT batch_id FROM audit WHERE user_id = ? AND workspace = ? AND reverts_batch IS NULL
                  AND batch_id NOT IN (\(undone)) ORDER BY id DESC LIMIT 1
                """,
                [.text(user), .text(workspace)]
            )
        else { return [] }
        return try database.query(
            "SELECT * FROM audit WHERE batch_id = ? ORDER BY id", [newest["batch_id"]]
        ).map(Row.audit)
    }

    public func auditLog(taskID: String?, since: Date?) throws -> [AuditEntry] {
        try database.query(
            "SELECT * FROM audit WHERE (? IS NULL OR task_id = ?) AND (? IS NULL OR at >= ?) ORDER BY id",
            [SQLiteValue(taskID), SQLiteValue(taskID), Row.time(since), Row.time(since)]
        ).map(Row.audit)
    }

    public func appendAudit(_ entries: [AuditEntry]) throws {
        try database.transaction { connection in
            for entry in entries { try Row.insert(entry, into: connection) }
        }
    }

    public func setLastTask(_ taskID: String, workspace: String, channel: String, user: String) throws {
        try database.run(
            "INSERT OR REPLACE INTO context (workspace, channel, user_id, task_id) VALUES (?, ?, ?, ?)",
            [.text(workspace), .text(channel), .text(user), .text(taskID)]
        )
    }

    public func lastTask(workspace: String, channel: String, user: String) throws -> String? {
        try database.queryFirst(
            "SELECT task_id FROM context WHERE workspace = ? AND channel = ? AND user_id = ?",
            [.text(workspace), .text(channel), .text(user)]
        )?["task_id"].stringValue
    }

    public func setZone(_ zone: String, workspace: String, user: String) throws {
        try database.run(
            "INSERT OR REPLACE INTO user_zones (workspace, user_id, zone) VALUES (?, ?, ?)",
            [.text(workspace), .text(user), .text(zone)]
        )
    }

    public func zone(workspace: String, user: String) throws -> String? {
        try database.queryFirst(
            "SELECT zone FROM user_zones WHERE workspace = ? AND user_id = ?", [.text(workspace), .text(user)]
        )?["zone"].stringValue
    }

    public func snooze(taskID: String) throws -> SnoozeTimer? {
        try database.queryFirst("SELECT * FROM snoozes WHERE task_id = ?", [.text(taskID)]).map(Row.snooze)
    }

    public func dueSnoozes(now: Date) throws -> [SnoozeTimer] {
        try database.query("SELECT * FROM snoozes WHERE resume_at <= ? ORDER BY resume_at", [Row.time(now)])
            .map(Row.snooze)
    }

    public func allSnoozes() throws -> [SnoozeTimer] {
        try database.query("SELECT * FROM snoozes ORDER BY resume_at").map(Row.snooze)
    }

    public func removeSnooze(taskID: String) throws {
        try database.run("DELETE FROM snoozes WHERE task_id = ?", [.text(taskID)])
    }

    public func cleanUp(now: Date, retention: TimeInterval) throws {
        let cutoff = Row.time(now.addingTimeInterval(-retention))
        try database.transaction { connection in
            _ = try connection.run(
                "UPDATE pending_changes SET state = 'expired' WHERE state = 'previewed' AND expires_at <= ?",
                [Row.time(now)]
            )
            _ = try connection.run(
                "DELETE FROM pending_changes WHERE state NOT IN ('previewed', 'claimed') AND created_at < ?", [cutoff]
            )
            _ = try connection.run("DELETE FROM replies WHERE give_up_at < ?", [Row.time(now)])
        }
    }

    public func probeWrite(now: Date) throws {
        try database.run(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('ready_probe', ?)", [.text(ISO8601.string(from: now))])
    }

    public func counts() throws -> StoreCounts {
        var byState: [PendingChange.State: Int] = [:]
        for row in try database.query("SELECT state, COUNT(*) AS n FROM pending_changes GROUP BY state") {
            if let state = row["state"].stringValue.flatMap(PendingChange.State.init(rawValue:)) {
                byState[state] = row["n"].intValue ?? 0
            }
        }
        let replies = try database.queryFirst("SELECT COUNT(*) AS n FROM replies")?["n"].intValue ?? 0
        return StoreCounts(pendingByState: byState, repliesWaiting: replies)
    }
}
