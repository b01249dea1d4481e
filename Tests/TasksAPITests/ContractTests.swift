import Foundation
import LocalTasksAPI
import TasksAPI
import Testing

/// The local API's answers and the client's request bodies, checked against the real API's schemas
/// by an independent validator (Python `jsonschema`), so that neither can drift from the contract.
@Suite("Contract with the real API's schemas")
struct ContractTests {
    static let aade = "aade2bce-55c7-468e-a606-c4e76fb2ea2a"

    @Test("local answers, error bodies and client requests match the schemas")
    func contract() async throws {
        let fixture = try LocalAPIFixture { _, _, after in [after + 3600, after + 90_000] }
        var cases: [ContractChecker.Case] = []
        func answer(_ name: String, _ schema: String, _ method: String, _ target: String, body: String? = nil)
            async throws
        {
            let response = try await fixture.call(
                method, target, headers: ["x-api-key": LocalAPIFixture.key], body: body)
            cases.append(.init(name: name, schema: schema, instance: response.body))
        }
        try await answer("list", "TasksResponse", "GET", "/api/tasks")
        try await answer("by id", "TasksResponse", "GET", "/api/tasks?id=\(Self.aade)")
        try await answer("empty", "TasksResponse", "GET", "/api/tasks?id=c0ffee00-1111-4222-8333-944455556666")
        try await answer("runs", "TaskRunListResponse", "GET", "/api/tasks/runs?limit=5")
        try await answer("one run", "TaskRunListResponse", "GET", "/api/tasks/runs?runId=run_12ab34cd_3")
        try await answer("400", "HandlerError", "PATCH", "/api/tasks", body: #"{"id":"\#(Self.aade)","x":1}"#)
        try await answer("403", "HandlerError", "PATCH", "/api/tasks", body: #"{"id":"\#(SeedData.foreignTaskID)"}"#)
        try await answer("404", "HandlerError", "GET", "/api/tasks/runs?runId=nope")

        let client = fixture.client()
        try await driveClient(client)
        // Only the client sends X-Request-Id, so this picks its requests out of the raw calls above.
        for received in try await fixture.received() where received.path == "/api/tasks" && received.request_id != nil {
            guard let body = received.body else { continue }
            let schema = ["PATCH": "UpdateTaskRequest", "POST": "CreateTaskRequest", "DELETE": "DeleteTaskRequest"]
            cases.append(
                .init(name: "\(received.method) body \(cases.count)", schema: schema[received.method]!, instance: body))
        }
        try await answer(
            "PATCH answer", "TasksResponse", "PATCH", "/api/tasks", body: #"{"id":"\#(Self.aade)","enabled":null}"#)
        try await answer(
            "DELETE answer", "DeleteTaskResponse", "DELETE", "/api/tasks", body: #"{"id":"\#(Self.aade)"}"#)
        let unauthorized = try await fixture.call("GET", "/api/tasks")
        cases.append(.init(name: "401", schema: "HandlerError", instance: unauthorized.body))

        let lines = try await ContractChecker.check(cases)
        #expect(lines == cases.map { "ok \($0.name)" })
        #expect(cases.filter { $0.schema == "UpdateTaskRequest" }.count == 4)
        #expect(cases.filter { $0.schema == "CreateTaskRequest" }.count == 1)
    }

    /// Every PATCH field the bot may send, a POST and a DELETE, through the real client.
    private func driveClient(_ client: TasksAPIClient) async throws {
        _ = try await client.updateTask(TaskUpdate(id: Self.aade, enabled: false))
        _ = try await client.updateTask(TaskUpdate(id: Self.aade, schedule: "0 9 * * 1", timezone: "America/New_York"))
        _ = try await client.updateTask(
            TaskUpdate(
                id: Self.aade, title: "Pulse", prompt: "Summarise.", model: "gpt-4o",
                artistAccountID: SeedData.secondArtistID))
        _ = try await client.updateTask(TaskUpdate(id: Self.aade, enabled: true))
        let created = try await client.createTask(
            NewTask(
                title: "New", prompt: "Do it.", schedule: "0 8 * * 1", accountID: SeedData.demoAccountID,
                artistAccountID: SeedData.demoArtistID, model: "gpt-4o"))
        try await client.deleteTask(id: created.id)
    }

    @Test("the checker refuses documents that break the contract")
    func negativeControls() async throws {
        let task =
            #"{"id":"\#(Self.aade)","title":"T","prompt":"P","schedule":"0 10 * * 4","#
            + #""account_id":"\#(SeedData.demoAccountID)","artist_account_id":"\#(SeedData.demoArtistID)""#
        let cases: [ContractChecker.Case] = [
            .init(
                name: "unknown key", schema: "UpdateTaskRequest", instance: #"{"id":"\#(Self.aade)","colour":"red"}"#),
            .init(name: "no id", schema: "UpdateTaskRequest", instance: #"{"title":"x"}"#),
            .init(name: "bad uuid", schema: "DeleteTaskRequest", instance: #"{"id":"aade2bce"}"#),
            .init(
                name: "enabled text", schema: "TasksResponse",
                instance: #"{"status":"success","tasks":[\#(task),"enabled":"yes"}]}"#),
            .init(
                name: "renamed key", schema: "TasksResponse",
                instance: #"{"status":"success","tasks":[\#(task),"recentRuns":[]}]}"#),
            .init(
                name: "bad instant", schema: "TasksResponse",
                instance: #"{"status":"success","tasks":[\#(task),"upcoming":["Thursday"]}]}"#),
            .init(
                name: "run without updatedAt", schema: "TaskRunListResponse",
                instance:
                    #"{"status":"success","runs":[{"id":"r","status":"COMPLETED","taskIdentifier":"t","#
                    + #""createdAt":"2026-12-03T15:00:00Z"}]}"#
            ),
            .init(name: "error shape", schema: "HandlerError", instance: #"{"error":404,"message":"Task not found"}"#),
            .init(name: "valid control", schema: "DeleteTaskResponse", instance: #"{"status":"success"}"#),
        ]
        let lines = try await ContractChecker.check(cases)
        #expect(lines.count == cases.count)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("FAIL ") })
        #expect(lines.last == "ok valid control")
        #expect(
            lines.first == "FAIL unknown key: (root): Additional properties are not allowed ('colour' was unexpected)")
    }
}
