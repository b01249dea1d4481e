import Foundation
import LocalTasksAPI
import TasksAPI
import Testing

@Suite("Client against the local API: errors, retries and deadlines")
struct ClientErrorTests {
    static let aade = "aade2bce-55c7-468e-a606-c4e76fb2ea2a"

    @Test("a refused cron is a 400 naming the schedule field")
    func badCron() async throws {
        let fixture = try LocalAPIFixture()
        await #expect(
            throws: TasksAPIError.badRequest(
                message: "Invalid cron expression. Must be 5 space-separated fields: minute hour day-of-month "
                    + "month day-of-week (e.g. '0 21 * * 0')", field: "schedule")
        ) {
            try await fixture.client().updateTask(TaskUpdate(id: Self.aade, schedule: "0 9-17/2 * * *"))
        }
        #expect(try await fixture.stats()["PATCH /api/tasks"] == 1)
    }

    @Test("an unknown zone is a 400 naming the timezone field")
    func badZone() async throws {
        let fixture = try LocalAPIFixture()
        await #expect(
            throws: TasksAPIError.badRequest(message: "timezone must be a valid IANA time zone", field: "timezone")
        ) {
            try await fixture.client().updateTask(TaskUpdate(id: Self.aade, timezone: "Mars/Olympus_Mons"))
        }
    }

    @Test(
        "a wrong key or token is a 401",
        arguments: [
            TasksAPIConfiguration.Credential.apiKey("wrong"), .bearer("wrong"),
        ])
    func unauthorized(credential: TasksAPIConfiguration.Credential) async throws {
        let fixture = try LocalAPIFixture()
        await #expect(throws: TasksAPIError.unauthorized) {
            try await fixture.client(credential: credential).listTasks()
        }
        #expect(try await fixture.stats()["GET /api/tasks"] == 1)
    }

    @Test("a 402 from the API is paymentRequired")
    func paymentRequired() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"status": 402, "count": 1}"#)
        await #expect(throws: TasksAPIError.paymentRequired) {
            try await fixture.client().updateTask(TaskUpdate(id: Self.aade, enabled: false))
        }
    }

    @Test("a task of an account the key may not touch is a 403")
    func forbidden() async throws {
        let fixture = try LocalAPIFixture()
        await #expect(throws: TasksAPIError.forbidden) {
            try await fixture.client().updateTask(TaskUpdate(id: SeedData.foreignTaskID, enabled: false))
        }
        await #expect(throws: TasksAPIError.forbidden) {
            try await fixture.client().listTasks(accountID: SeedData.foreignAccountID)
        }
    }

    @Test("an unknown id is a 404 for PATCH and for GET")
    func notFound() async throws {
        let fixture = try LocalAPIFixture()
        let client = fixture.client()
        let unknown = "00000000-0000-4000-8000-000000000000"
        await #expect(throws: TasksAPIError.notFound) {
            try await client.updateTask(TaskUpdate(id: unknown, title: "x"))
        }
        await #expect(throws: TasksAPIError.notFound) { try await client.getTask(id: unknown) }
    }

    @Test("a 500 on GET is retried until the attempts run out")
    func serverErrorExhaustsAttempts() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"status": 500, "count": 10}"#)
        await #expect(throws: TasksAPIError.server(status: 500)) {
            try await fixture.client(maxAttempts: 3).listTasks()
        }
        #expect(try await fixture.stats()["GET /api/tasks"] == 3)
    }

    @Test("a PATCH that meets 503 twice succeeds on the third attempt with the same request id")
    func retriedPatchSucceeds() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"status": 503, "count": 2}"#)
        let updated = try await fixture.client().updateTask(
            TaskUpdate(id: Self.aade, enabled: false), requestID: "r-503")
        #expect(updated.enabled == false)
        #expect(try await fixture.stats()["PATCH /api/tasks"] == 3)
        let ids = try await fixture.received().filter { $0.method == "PATCH" }.map(\.request_id)
        #expect(ids == ["r-503", "r-503", "r-503"])
    }

    @Test("POST and DELETE are never retried")
    func unsafeCallsNotRetried() async throws {
        let fixture = try LocalAPIFixture()
        let client = fixture.client()
        try await fixture.injectFault(#"{"status": 503, "count": 1}"#)
        let task = NewTask(
            title: "t", prompt: "p", schedule: "0 8 * * 1", accountID: SeedData.demoAccountID,
            artistAccountID: SeedData.demoArtistID)
        await #expect(throws: TasksAPIError.server(status: 503)) { try await client.createTask(task) }
        try await fixture.injectFault(#"{"status": 502, "count": 1}"#)
        await #expect(throws: TasksAPIError.server(status: 502)) { try await client.deleteTask(id: Self.aade) }
        let stats = try await fixture.stats()
        #expect(stats["POST /api/tasks"] == 1)
        #expect(stats["DELETE /api/tasks"] == 1)
    }

    @Test("an answer slower than the per-call deadline is a timeout, not retried")
    func timeout() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"delay_ms": 6000, "count": 1}"#)
        let started = ContinuousClock.now
        await #expect(throws: TasksAPIError.timeout(after: .milliseconds(500), method: "GET")) {
            try await fixture.client(requestTimeout: .milliseconds(500)).getTask(id: Self.aade)
        }
        let elapsed = ContinuousClock.now - started
        // Far below the 6 s the server holds the answer, with room for a loaded machine.
        #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(4))
        #expect(try await fixture.stats()["GET /api/tasks"] == 1)
    }

    @Test("Retry-After in seconds is waited out before the retry")
    func retryAfterSeconds() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"status": 503, "count": 1, "retry_after": "1"}"#)
        let started = ContinuousClock.now
        let tasks = try await fixture.client().listTasks()
        let elapsed = ContinuousClock.now - started
        #expect(tasks.count == 6)
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(6))
        #expect(try await fixture.stats()["GET /api/tasks"] == 2)
    }

    @Test("Retry-After as an HTTP date is waited out before the retry")
    func retryAfterDate() async throws {
        let fixture = try LocalAPIFixture()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        // Two whole seconds ahead: the header has one-second resolution.
        let target = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down) + 2)
        try await fixture.injectFault(
            #"{"status": 429, "count": 1, "retry_after": "\#(formatter.string(from: target))"}"#)
        _ = try await fixture.client().listTasks()
        let finished = Date()
        #expect(finished >= target && finished < target + 5)
        #expect(try await fixture.stats()["GET /api/tasks"] == 2)
    }

    @Test("a Retry-After beyond the total deadline ends the call at once")
    func retryAfterBeyondDeadline() async throws {
        let fixture = try LocalAPIFixture()
        try await fixture.injectFault(#"{"status": 429, "count": 1, "retry_after": "60"}"#)
        let started = ContinuousClock.now
        await #expect(throws: TasksAPIError.server(status: 429)) {
            try await fixture.client(totalDeadline: .seconds(5)).listTasks()
        }
        // Well inside the 5 s total deadline: the client did not sit out the wait it could not afford.
        #expect(ContinuousClock.now - started < .seconds(4))
        #expect(try await fixture.stats()["GET /api/tasks"] == 1)
    }

    @Test("a closed port is unreachable after the retries")
    func unreachable() async throws {
        let fixture = try LocalAPIFixture()
        let closed = TasksAPIClient(
            configuration: TasksAPIConfiguration(
                baseURL: URL(string: "http://127.0.0.1:1")!, credential: .apiKey(LocalAPIFixture.key),
                requestTimeout: .seconds(2), maxAttempts: 2, initialBackoff: .milliseconds(10)))
        _ = fixture
        let error = await #expect(throws: TasksAPIError.self) { try await closed.listTasks() }
        guard case .unreachable? = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
    }
}
