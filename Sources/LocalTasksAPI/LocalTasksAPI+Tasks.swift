import Foundation
import HTTPServer
import TasksAPI

extension LocalTasksAPI {
    /// `GET /api/tasks[?id=&account_id=&artist_account_id=]`.
    func listTasks(_ request: HTTPRequest, caller: String) throws -> HTTPResponse {
        let query = QueryString.parse(request.query)
        _ = try BodySchema.listQuery.validate(.object(query.mapValues { .string($0) }))
        let owners: Set<String>
        if let account = query["account_id"]?.lowercased() {
            guard configuration.accessibleAccountIDs.contains(account) else { throw APIFailure.accountAccessDenied }
            owners = [account]
        } else {
            // By id the task is found in any account the key may access; a plain list shows its own.
            owners = query["id"] == nil ? [caller] : configuration.accessibleAccountIDs
        }
        let tasks = try store.tasks(
            accountIDs: owners, id: query["id"]?.lowercased(), artistAccountID: query["artist_account_id"]?.lowercased()
        )
        return try Self.tasksAnswer(tasks.map(enrich))
    }

    /// `PATCH /api/tasks`: strict body, only the sent fields change.
    func updateTask(_ request: HTTPRequest, caller: String) throws -> HTTPResponse {
        let body = try BodySchema.update.validate(try Self.json(request))
        try checkAccountContext(body["account_id"])
        let id = Self.string(body["id"]).lowercased()
        guard let existing = try store.task(id: id) else { throw APIFailure.taskNotFound }
        guard configuration.accessibleAccountIDs.contains(existing.accountID) else {
            throw APIFailure.taskAccessDenied
        }
        let updated = try store.update(id: id, at: configuration.clock.now()) { task in
            if case .string(let title)? = body["title"] { task.title = title }
            if case .string(let prompt)? = body["prompt"] { task.prompt = prompt }
            if case .string(let schedule)? = body["schedule"] { task.schedule = schedule }
            if case .string(let artist)? = body["artist_account_id"] { task.artistAccountID = artist.lowercased() }
            if case .string(let model)? = body["model"] { task.model = model }
            if case .string(let zone)? = body["timezone"] { task.timezone = zone }
            switch body["enabled"] {
            case .bool(let enabled)?: task.enabled = enabled
            case .null?: task.enabled = nil
            default: break
            }
        }
        guard let updated else { throw APIFailure.taskNotFound }
        return try Self.tasksAnswer([enrich(updated)])
    }

    /// `POST /api/tasks`: creates an enabled task for an account the key may access.
    func createTask(_ request: HTTPRequest, caller: String) throws -> HTTPResponse {
        let body = try BodySchema.create.validate(try Self.json(request))
        let account = Self.string(body["account_id"]).lowercased()
        guard configuration.accessibleAccountIDs.contains(account) else { throw APIFailure.accountAccessDenied }
        let id = UUID().uuidString.lowercased()
        var model: String?
        if case .string(let name)? = body["model"], !name.isEmpty { model = name }
        let task = TaskRecord(
            id: id, title: Self.string(body["title"]), prompt: Self.string(body["prompt"]),
            schedule: Self.string(body["schedule"]), accountID: account,
            artistAccountID: Self.string(body["artist_account_id"]).lowercased(), enabled: true,
            triggerScheduleID: "sched_\(id.prefix(8))", model: model)
        try store.insert(task, at: configuration.clock.now())
        return try Self.tasksAnswer([enrich(task)])
    }

    /// `DELETE /api/tasks` with body `{"id": ...}`.
    func deleteTask(_ request: HTTPRequest, caller: String) throws -> HTTPResponse {
        let body = try BodySchema.delete.validate(try Self.json(request))
        try checkAccountContext(body["account_id"])
        let id = Self.string(body["id"]).lowercased()
        guard let existing = try store.task(id: id) else { throw APIFailure.taskNotFound }
        guard configuration.accessibleAccountIDs.contains(existing.accountID) else {
            throw APIFailure.taskAccessDenied
        }
        guard try store.delete(id: id) else { throw APIFailure.taskNotFound }
        return .json(200, #"{"status":"success"}"#)
    }

    /// A body's `account_id` only names the caller's context; one the key may not access is a 403.
    private func checkAccountContext(_ value: JSONValue?) throws(APIFailure) {
        guard case .string(let account)? = value else { return }
        guard configuration.accessibleAccountIDs.contains(account.lowercased()) else {
            throw .accountAccessDenied
        }
    }

    /// The task with its newest runs and, when enabled, its next runs in its zone (UTC by default).
    func enrich(_ task: TaskRecord) throws -> TaskRecord {
        var task = task
        task.recentRuns = try store.runs(accountIDs: [task.accountID], taskID: task.id, limit: 3)
        let zone = task.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        task.upcoming = task.isEnabled ? configuration.upcoming(task.schedule, zone, configuration.clock.now()) : []
        return task
    }

    /// The request body as JSON, or the API's 400 for a body that is not JSON.
    static func json(_ request: HTTPRequest) throws(APIFailure) -> JSONValue {
        guard let value = JSONValue.parse(request.body) else {
            throw APIFailure(status: 400, message: "Invalid JSON body")
        }
        return value
    }

    /// A string field the schema has already checked.
    static func string(_ value: JSONValue?) -> String {
        if case .string(let text)? = value { return text }
        return ""
    }

    /// `{"status": "success", "tasks": [...]}`.
    static func tasksAnswer(_ tasks: [TaskRecord]) throws -> HTTPResponse {
        struct Answer: Encodable {
            var status = "success"
            var tasks: [TaskRecord]
        }
        return .json(200, try encode(Answer(tasks: tasks)))
    }

    /// Compact JSON with sorted keys and unescaped slashes.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
