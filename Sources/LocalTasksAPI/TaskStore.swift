import Foundation
import Storage
import Support
import TasksAPI

/// The local API's tasks and runs in their own SQLite file (WAL).
///
/// Holds what the real API keeps in its database; `upcoming` is computed per answer and `recent_runs`
/// is filled by `LocalTasksAPI` from the runs table.
final class TaskStore: Sendable {
    private let database: SQLiteDatabase

    static let schema = [
        """
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            prompt TEXT NOT NULL,
            schedule TEXT NOT NULL,
            account_id TEXT NOT NULL,
            artist_account_id TEXT NOT NULL,
            enabled INTEGER,
            trigger_schedule_id TEXT,
            model TEXT,
            timezone TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX tasks_by_account ON tasks (account_id, created_at);
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            task_identifier TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT
        );
        CREATE INDEX runs_by_task ON runs (task_id, created_at);
        """
    ]

    /// Opens (creating and migrating if needed) the store at `path`.
    init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.migrate(Self.schema)
    }

    private static let columns =
        "id, title, prompt, schedule, account_id, artist_account_id, enabled, trigger_schedule_id, model, timezone"

    /// Tasks owned by one of `accountIDs`, optionally narrowed to one id or one artist, oldest first.
    func tasks(accountIDs: Set<String>, id: String?, artistAccountID: String?) throws -> [TaskRecord] {
        let owners = accountIDs.sorted()
        let marks = Array(repeating: "?", count: owners.count).joined(separator: ", ")
        var sql = "SELECT \(Self.columns) FROM tasks WHERE account_id IN (\(marks))"
        var parameters = owners.map { SQLiteValue.text($0) }
        if let id {
            sql += " AND id = ?"
            parameters.append(.text(id))
        }
        if let artistAccountID {
            sql += " AND artist_account_id = ?"
            parameters.append(.text(artistAccountID))
        }
        return try database.query(sql + " ORDER BY created_at, id", parameters).map(Self.task)
    }

    /// The task with `id`, whoever owns it.
    func task(id: String) throws -> TaskRecord? {
        try database.queryFirst("SELECT \(Self.columns) FROM tasks WHERE id = ?", [.text(id)]).map(Self.task)
    }

    /// Stores a new task; fails on a duplicate id.
    func insert(_ task: TaskRecord, at date: Date) throws {
        try database.withConnection { connection in try Self.insert(task, at: date, on: connection) }
    }

    /// Inserts `tasks` and `runs` that are not there yet, in one transaction; answers how many tasks were new.
    func seed(_ tasks: [TaskRecord], runs: [(taskID: String, run: TaskRun)], at date: Date) throws -> Int {
        try database.transaction { connection in
            var added = 0
            for (index, task) in tasks.enumerated()
            where try connection.query("SELECT 1 FROM tasks WHERE id = ?", [.text(task.id)]).isEmpty {
                // A millisecond apart, so that creation order is the order of the list.
                try Self.insert(task, at: date + Double(index) / 1000, on: connection)
                added += 1
            }
            for (taskID, run) in runs {
                try connection.run(
                    """
                    INSERT OR IGNORE INTO runs
                        (id, task_id, status, task_identifier, created_at, updated_at, started_at, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(run.id), .text(taskID), .text(run.status), SQLiteValue(run.taskIdentifier),
                        SQLiteValue(Self.text(run.createdAt ?? date)), SQLiteValue(Self.text(run.updatedAt ?? date)),
                        SQLiteValue(run.startedAt.map(Self.text)), SQLiteValue(run.finishedAt.map(Self.text)),
                    ])
            }
            return added
        }
    }

    /// Applies `change` to the stored task in one transaction and answers the new row, or nil when
    /// there is no task with `id`.
    func update(id: String, at date: Date, _ change: (inout TaskRecord) -> Void) throws -> TaskRecord? {
        try database.transaction { connection in
            guard let row = try connection.query("SELECT \(Self.columns) FROM tasks WHERE id = ?", [.text(id)]).first
            else { return nil }
            var task = try Self.task(row)
            change(&task)
            try connection.run(
                """
                UPDATE tasks SET title = ?, prompt = ?, schedule = ?, artist_account_id = ?, enabled = ?,
                    trigger_schedule_id = ?, model = ?, timezone = ?, updated_at = ?
                WHERE id = ?
                """,
                [
                    .text(task.title), .text(task.prompt), .text(task.schedule), .text(task.artistAccountID),
                    SQLiteValue(task.enabled), SQLiteValue(task.triggerScheduleID), SQLiteValue(task.model),
                    SQLiteValue(task.timezone), .text(Self.text(date)), .text(id),
                ])
            return task
        }
    }

    /// Deletes the task and its runs; false when there was none.
    func delete(id: String) throws -> Bool {
        try database.run("DELETE FROM tasks WHERE id = ?", [.text(id)]) > 0
    }

    /// The newest `limit` runs of tasks owned by one of `accountIDs` (or of the one task `taskID`).
    func runs(accountIDs: Set<String>, taskID: String? = nil, limit: Int) throws -> [TaskRun] {
        let owners = accountIDs.sorted()
        let marks = Array(repeating: "?", count: owners.count).joined(separator: ", ")
        var sql = """
            SELECT r.* FROM runs r JOIN tasks t ON t.id = r.task_id WHERE t.account_id IN (\(marks))
            """
        var parameters = owners.map { SQLiteValue.text($0) }
        if let taskID {
            sql += " AND r.task_id = ?"
            parameters.append(.text(taskID))
        }
        parameters.append(.integer(Int64(limit)))
        return try database.query(sql + " ORDER BY r.created_at DESC, r.id LIMIT ?", parameters).map(Self.run)
    }

    /// One run by id and the account that owns its task.
    func run(id: String) throws -> (run: TaskRun, accountID: String)? {
        let sql = "SELECT r.*, t.account_id AS owner FROM runs r JOIN tasks t ON t.id = r.task_id WHERE r.id = ?"
        guard let row = try database.queryFirst(sql, [.text(id)]) else { return nil }
        return (try Self.run(row), try row.text("owner"))
    }

    private static func insert(_ task: TaskRecord, at date: Date, on connection: SQLiteConnection) throws {
        try connection.run(
            "INSERT INTO tasks (\(columns), created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(task.id), .text(task.title), .text(task.prompt), .text(task.schedule), .text(task.accountID),
                .text(task.artistAccountID), SQLiteValue(task.enabled), SQLiteValue(task.triggerScheduleID),
                SQLiteValue(task.model), SQLiteValue(task.timezone), .text(text(date)), .text(text(date)),
            ])
    }

    private static func task(_ row: SQLiteRow) throws -> TaskRecord {
        TaskRecord(
            id: try row.text("id"), title: try row.text("title"), prompt: try row.text("prompt"),
            schedule: try row.text("schedule"), accountID: try row.text("account_id"),
            artistAccountID: try row.text("artist_account_id"), enabled: row["enabled"].boolValue,
            triggerScheduleID: row["trigger_schedule_id"].stringValue, model: row["model"].stringValue,
            timezone: row["timezone"].stringValue)
    }

    private static func run(_ row: SQLiteRow) throws -> TaskRun {
        TaskRun(
            id: try row.text("id"), status: try row.text("status"), taskIdentifier: try row.text("task_identifier"),
            createdAt: row["created_at"].stringValue.flatMap(ISO8601.date(from:)),
            updatedAt: row["updated_at"].stringValue.flatMap(ISO8601.date(from:)),
            startedAt: row["started_at"].stringValue.flatMap(ISO8601.date(from:)),
            finishedAt: row["finished_at"].stringValue.flatMap(ISO8601.date(from:)))
    }

    /// Fixed-width ISO-8601 with milliseconds, so text order is time order.
    private static func text(_ date: Date) -> String { ISO8601.string(from: date, fractional: true) }
}
