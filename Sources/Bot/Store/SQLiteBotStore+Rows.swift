import Foundation
import Storage

extension SQLiteBotStore {
    /// Schema steps; `PRAGMA user_version` records how many ran. Only append.
    static let migrations = [
        """
        CREATE TABLE pending_changes (
          id TEXT PRIMARY KEY, code TEXT NOT NULL, kind TEXT NOT NULL, platform TEXT NOT NULL,
          workspace TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL, command_text TEXT NOT NULL,
          items TEXT NOT NULL, resume_at REAL, undoes TEXT, reply_url TEXT, zone TEXT NOT NULL,
          request_id TEXT NOT NULL, created_at REAL NOT NULL, expires_at REAL NOT NULL, state TEXT NOT NULL,
          state_reason TEXT, claimed_at REAL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL,
          told_pending INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX pending_by_state ON pending_changes (state, next_attempt_at);
        CREATE INDEX pending_by_code ON pending_changes (workspace, code);
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, platform TEXT NOT NULL, workspace TEXT NOT NULL,
          user_id TEXT NOT NULL, task_id TEXT NOT NULL, task_title TEXT NOT NULL, before TEXT NOT NULL,
          after TEXT NOT NULL, request_id TEXT NOT NULL, batch_id TEXT NOT NULL, reverts_batch TEXT);
        CREATE INDEX audit_by_task ON audit (task_id, id);
        CREATE INDEX audit_by_user ON audit (workspace, user_id, id);
        CREATE TABLE replies (
          id INTEGER PRIMARY KEY AUTOINCREMENT, pending_id TEXT, platform TEXT NOT NULL, url TEXT NOT NULL,
          body TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL,
          give_up_at REAL NOT NULL, request_id TEXT NOT NULL);
        CREATE TABLE context (
          workspace TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL, task_id TEXT NOT NULL,
          PRIMARY KEY (workspace, channel, user_id));
        CREATE TABLE user_zones (
          workspace TEXT NOT NULL, user_id TEXT NOT NULL, zone TEXT NOT NULL, PRIMARY KEY (workspace, user_id));
        CREATE TABLE snoozes (
          task_id TEXT PRIMARY KEY, task_title TEXT NOT NULL, resume_at REAL NOT NULL, platform TEXT NOT NULL,
          workspace TEXT NOT NULL, channel TEXT NOT NULL, user_id TEXT NOT NULL, batch_id TEXT NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    ]

    /// Conversions between records and rows.
    enum Row {
        static func time(_ date: Date?) -> SQLiteValue { SQLiteValue(date?.timeIntervalSince1970) }

        static func date(_ value: SQLiteValue) -> Date? {
            value.doubleValue.map(Date.init(timeIntervalSince1970:))
        }

        static func json<T: Encodable>(_ value: T) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // Encoding plain structs of strings and booleans cannot fail.
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }

        static func decode<T: Decodable>(_ type: T.Type, _ value: SQLiteValue) throws -> T {
            try JSONDecoder().decode(type, from: Data((value.stringValue ?? "null").utf8))
        }

        static func values(of change: PendingChange) -> [SQLiteValue] {
            [
                .text(change.id), .text(change.code), .text(change.kind.rawValue), .text(change.platform),
                .text(change.workspace), .text(change.channel), .text(change.user), .text(change.commandText),
                .text(json(change.items)), time(change.resumeAt), SQLiteValue(change.undoes),
                SQLiteValue(change.replyURL), .text(change.zone), .text(change.requestID), time(change.createdAt),
                time(change.expiresAt), .text(change.state.rawValue), SQLiteValue(change.stateReason),
                time(change.claimedAt), .integer(Int64(change.attempts)), time(change.nextAttemptAt),
                SQLiteValue(change.toldPending),
            ]
        }

        static func change(_ row: SQLiteRow) throws -> PendingChange {
            var change = PendingChange(
                id: try row.text("id"), code: try row.text("code"),
                kind: PendingChange.Kind(rawValue: try row.text("kind")) ?? .edit,
                platform: try row.text("platform"), workspace: try row.text("workspace"),
                channel: try row.text("channel"), user: try row.text("user_id"),
                commandText: try row.text("command_text"), items: try decode([ChangeItem].self, row["items"]),
                resumeAt: date(row["resume_at"]), undoes: row["undoes"].stringValue,
                replyURL: row["reply_url"].stringValue, zone: try row.text("zone"),
                requestID: try row.text("request_id"), createdAt: date(row["created_at"]) ?? .distantPast,
                expiresAt: date(row["expires_at"]) ?? .distantPast,
                state: PendingChange.State(rawValue: try row.text("state")) ?? .failed
            )
            change.stateReason = row["state_reason"].stringValue
            change.claimedAt = date(row["claimed_at"])
            change.attempts = row["attempts"].intValue ?? 0
            change.nextAttemptAt = date(row["next_attempt_at"])
            change.toldPending = row["told_pending"].boolValue ?? false
            return change
        }

        static func insert(_ entry: AuditEntry, into connection: SQLiteConnection) throws {
            _ = try connection.run(
                """
                INSERT INTO audit (at, platform, workspace, user_id, task_id, task_title, before, after, request_id,
                  batch_id, reverts_batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    time(entry.at), .text(entry.platform), .text(entry.workspace), .text(entry.user),
                    .text(entry.taskID), .text(entry.taskTitle), .text(json(entry.before)), .text(json(entry.after)),
                    .text(entry.requestID), .text(entry.batchID), SQLiteValue(entry.revertsBatch),
                ]
            )
        }

        static func audit(_ row: SQLiteRow) throws -> AuditEntry {
            AuditEntry(
                id: try row.int64("id"), at: date(row["at"]) ?? .distantPast, platform: try row.text("platform"),
                workspace: try row.text("workspace"), user: try row.text("user_id"), taskID: try row.text("task_id"),
                taskTitle: try row.text("task_title"), before: try decode(TaskFields.self, row["before"]),
                after: try decode(TaskFields.self, row["after"]), requestID: try row.text("request_id"),
                batchID: try row.text("batch_id"), revertsBatch: row["reverts_batch"].stringValue
            )
        }

        /// Queues a reply. A newer reply about the same pending change supersedes one not yet delivered,
        /// so a late retry of "still trying" can never overwrite the final result.
        static func insert(_ reply: OutboundReply, into connection: SQLiteConnection) throws {
            if let pendingID = reply.pendingID {
                _ = try connection.run("DELETE FROM replies WHERE pending_id = ?", [.text(pendingID)])
            }
            _ = try connection.run(
                """
                INSERT INTO replies (pending_id, platform, url, body, attempts, next_attempt_at, give_up_at,
                  request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    SQLiteValue(reply.pendingID), .text(reply.platform), .text(reply.url), .text(reply.body),
                    .integer(Int64(reply.attempts)), time(reply.nextAttemptAt), time(reply.giveUpAt),
                    .text(reply.requestID),
                ]
            )
        }

        static func reply(_ row: SQLiteRow) throws -> OutboundReply {
            OutboundReply(
                id: try row.int64("id"), pendingID: row["pending_id"].stringValue, platform: try row.text("platform"),
                url: try row.text("url"), body: try row.text("body"), attempts: row["attempts"].intValue ?? 0,
                nextAttemptAt: date(row["next_attempt_at"]) ?? .distantPast,
                giveUpAt: date(row["give_up_at"]) ?? .distantPast, requestID: try row.text("request_id")
            )
        }

        static func snooze(_ row: SQLiteRow) throws -> SnoozeTimer {
            SnoozeTimer(
                taskID: try row.text("task_id"), taskTitle: try row.text("task_title"),
                resumeAt: date(row["resume_at"]) ?? .distantPast, platform: try row.text("platform"),
                workspace: try row.text("workspace"), channel: try row.text("channel"), user: try row.text("user_id"),
                batchID: try row.text("batch_id")
            )
        }
    }
}
