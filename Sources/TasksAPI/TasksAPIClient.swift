import Foundation
import Support

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Typed calls to the tasks API (`GET`, `PATCH`, `POST`, `DELETE /api/tasks`, `GET /api/tasks/runs`).
///
/// Every call sends the configured credential and the caller's request id as `X-Request-Id`, and
/// waits at most `requestTimeout` per attempt. GET and PATCH are retried on connection errors, 429
/// and 5xx with jittered exponential backoff, honouring `Retry-After`, within `totalDeadline`;
/// POST and DELETE are sent once. Failures arrive as `TasksAPIError`, whose `userMessage` is ready
/// for a chat reply. The credential and the `Authorization` header are never logged.
public final class TasksAPIClient: Sendable {
    /// The configuration the client was made with.
    public let configuration: TasksAPIConfiguration
    let session: URLSession
    let logger: Logger
    let retryPolicy: RetryPolicy

    /// A client with its own URL session (no cache, no cookies); `logger` receives one debug line per attempt.
    public init(configuration: TasksAPIConfiguration, logger: Logger = .disabled) {
        self.configuration = configuration
        self.logger = logger
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.urlCache = nil
        session = URLSession(configuration: sessionConfiguration)
        retryPolicy = RetryPolicy(
            maxAttempts: configuration.maxAttempts, initialBackoff: configuration.initialBackoff,
            maxBackoff: configuration.maxBackoff)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// The tasks the credential sees: its own by default, or those of `accountID` / `artistAccountID`.
    public func listTasks(
        accountID: String? = nil, artistAccountID: String? = nil, requestID: String? = nil
    ) async throws(TasksAPIError) -> [TaskRecord] {
        let query = [("account_id", accountID), ("artist_account_id", artistAccountID)]
        let request = Request(method: "GET", path: "/api/tasks", query: query, body: nil, requestID: requestID)
        return try await send(request, decoding: APIEnvelope.Tasks.self).tasks
    }

    /// One task by id; `notFound` when the API answers 404 or an empty list.
    public func getTask(id: String, requestID: String? = nil) async throws(TasksAPIError) -> TaskRecord {
        let request = Request(method: "GET", path: "/api/tasks", query: [("id", id)], body: nil, requestID: requestID)
        guard let task = try await send(request, decoding: APIEnvelope.Tasks.self).tasks.first else {
            throw .notFound
        }
        return task
    }

    /// Applies `patch` (PATCH) and answers the task as the API stored it.
    public func updateTask(_ patch: TaskUpdate, requestID: String? = nil) async throws(TasksAPIError) -> TaskRecord {
        let body = try Self.encode(patch)
        let request = Request(method: "PATCH", path: "/api/tasks", query: [], body: body, requestID: requestID)
        return try await firstTask(of: request)
    }

    /// Creates a task (POST, never retried) and answers it as stored.
    public func createTask(_ task: NewTask, requestID: String? = nil) async throws(TasksAPIError) -> TaskRecord {
        let body = try Self.encode(task)
        let request = Request(method: "POST", path: "/api/tasks", query: [], body: body, requestID: requestID)
        return try await firstTask(of: request)
    }

    /// Deletes a task (DELETE with body `{"id": ...}`, never retried).
    public func deleteTask(id: String, requestID: String? = nil) async throws(TasksAPIError) {
        let body = try Self.encode(["id": id])
        let request = Request(method: "DELETE", path: "/api/tasks", query: [], body: body, requestID: requestID)
        let answer = try await send(request, decoding: APIEnvelope.Status.self)
        guard answer.status == "success" else { throw .undecodable(status: 200, detail: "status \(answer.status)") }
    }

    /// Runs of the credential's account (or `accountID`), newest first, or the one run `runID`.
    /// `limit` is 1-100 (the API's default is 20).
    public func listRuns(
        runID: String? = nil, limit: Int? = nil, accountID: String? = nil, requestID: String? = nil
    ) async throws(TasksAPIError) -> [TaskRun] {
        let query = [("runId", runID), ("limit", limit.map(String.init)), ("account_id", accountID)]
        let request = Request(method: "GET", path: "/api/tasks/runs", query: query, body: nil, requestID: requestID)
        return try await send(request, decoding: APIEnvelope.Runs.self).runs
    }

    private func firstTask(of request: Request) async throws(TasksAPIError) -> TaskRecord {
        let tasks = try await send(request, decoding: APIEnvelope.Tasks.self).tasks
        guard let task = tasks.first else {
            throw .undecodable(status: 200, detail: "success answer without a task")
        }
        return task
    }

    private static func encode(_ value: some Encodable) throws(TasksAPIError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw .misconfigured("could not encode the request body: \(error)")
        }
    }
}
