import Foundation
import LocalTasksAPI
import TasksAPI
import Testing

@Suite("Client against the local API: success paths")
struct ClientSuccessTests {
    static let aade = "aade2bce-55c7-468e-a606-c4e76fb2ea2a"

    @Test("lists the key's own tasks in creation order")
    func listOwn() async throws {
        let fixture = try LocalAPIFixture()
        let tasks = try await fixture.client().listTasks()
        #expect(
            tasks.map { String($0.id.prefix(8)) } == [
                "aade2bce", "12ab34cd", "7f3c1e2d", "b9e04f1a", "5d21a0c4", "5d21f7e9",
            ])
        #expect(tasks.allSatisfy { $0.accountID == SeedData.demoAccountID })
    }

    @Test("lists one artist's tasks")
    func listByArtist() async throws {
        let fixture = try LocalAPIFixture()
        let tasks = try await fixture.client().listTasks(artistAccountID: SeedData.secondArtistID)
        #expect(tasks.map(\.title) == ["Playlist Adds Watch", "Monthly Royalty Summary"])
    }

    @Test("reads the seeded demo task field by field")
    func getTask() async throws {
        let fixture = try LocalAPIFixture()
        let task = try await fixture.client().getTask(id: Self.aade)
        #expect(task.title == "Weekly Genre Pulse Check")
        #expect(task.schedule == "0 10 * * 4")
        #expect(task.accountID == "848cd58d-700f-4b38-ab4c-d9f52a1b2c3d")
        #expect(task.artistAccountID == "1873859c-dd37-4e9a-9bac-80d35a1b2c3d")
        #expect(task.enabled == true && task.isEnabled)
        #expect(task.triggerScheduleID == "sched_aade2bce")
        #expect(task.recentRuns.map(\.id) == ["run_aade2bce_3", "run_aade2bce_2", "run_aade2bce_1"])
        #expect(task.recentRuns.map(\.status) == ["COMPLETED", "COMPLETED", "COMPLETED"])
    }

    @Test("reads enabled null as enabled")
    func enabledNull() async throws {
        let fixture = try LocalAPIFixture()
        let task = try await fixture.client().getTask(id: "12ab34cd-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(task.enabled == nil)
        #expect(task.isEnabled)
        #expect(task.timezone == "America/Los_Angeles")
    }

    @Test("fills upcoming from the injected schedule engine, in the task's zone")
    func upcoming() async throws {
        let first = Date(timeIntervalSince1970: 1_796_983_200)
        let fixture = try LocalAPIFixture { schedule, zone, _ in
            schedule == "0 9 * * 1-5" && zone.identifier == "America/Los_Angeles" ? [first, first + 86_400] : []
        }
        let client = fixture.client()
        let task = try await client.getTask(id: "12ab34cd-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(task.upcoming == [first, first + 86_400])
        let disabled = try await client.getTask(id: "7f3c1e2d-9a8b-4c7d-b6e5-f4a3b2c1d0e9")
        #expect(disabled.upcoming.isEmpty)
    }

    @Test("a PATCH sends only the changed fields, once, with the request id")
    func patch() async throws {
        let fixture = try LocalAPIFixture()
        let updated = try await fixture.client().updateTask(
            TaskUpdate(id: Self.aade, enabled: false), requestID: "req-pause-1")
        #expect(updated.enabled == false)
        #expect(updated.title == "Weekly Genre Pulse Check")
        let patches = try await fixture.received().filter { $0.method == "PATCH" }
        #expect(
            patches == [
                ReceivedRequest(
                    method: "PATCH", path: "/api/tasks", request_id: "req-pause-1", auth: "x-api-key",
                    body: #"{"enabled":false,"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a"}"#)
            ])
        #expect(try await fixture.stats()["PATCH /api/tasks"] == 1)
    }

    @Test("a PATCH of schedule and zone is stored and read back")
    func patchScheduleAndZone() async throws {
        let fixture = try LocalAPIFixture()
        let client = fixture.client()
        _ = try await client.updateTask(
            TaskUpdate(id: Self.aade, title: "Pulse", schedule: "0 9 * * 1", timezone: "America/New_York"))
        let task = try await client.getTask(id: Self.aade)
        #expect(task.schedule == "0 9 * * 1")
        #expect(task.timezone == "America/New_York")
        #expect(task.title == "Pulse")
    }

    @Test("a bearer token works like the key")
    func bearer() async throws {
        let fixture = try LocalAPIFixture()
        let tasks = try await fixture.client(credential: .bearer(LocalAPIFixture.key)).listTasks()
        #expect(tasks.count == 6)
        #expect(try await fixture.received().filter { $0.path == "/api/tasks" }.map(\.auth) == ["bearer"])
    }

    @Test("creates a task and deletes it again")
    func createAndDelete() async throws {
        let fixture = try LocalAPIFixture()
        let client = fixture.client()
        let created = try await client.createTask(
            NewTask(
                title: "Tour Dates Check", prompt: "List new tour dates.", schedule: "0 8 * * 1",
                accountID: SeedData.demoAccountID, artistAccountID: SeedData.demoArtistID, model: "gpt-4o"))
        #expect(created.title == "Tour Dates Check")
        #expect(created.model == "gpt-4o")
        #expect(created.isEnabled)
        #expect(try await client.listTasks().count == 7)
        try await client.deleteTask(id: created.id)
        #expect(try await client.listTasks().count == 6)
        await #expect(throws: TasksAPIError.notFound) { try await client.getTask(id: created.id) }
    }

    @Test("lists runs newest first, honouring limit, and finds one run by id")
    func runs() async throws {
        let fixture = try LocalAPIFixture()
        let client = fixture.client()
        let runs = try await client.listRuns(limit: 4)
        #expect(runs.count == 4)
        #expect(runs.map(\.id) == runs.sorted { $0.createdAt! > $1.createdAt! }.map(\.id))
        let one = try await client.listRuns(runID: "run_b9e04f1a_3")
        #expect(one.map(\.id) == ["run_b9e04f1a_3"])
        #expect(one.first?.status == "FAILED")
        #expect(one.first?.taskIdentifier == "customer-prompt-task")
    }

    @Test("a long prompt, past libcurl's 1 KiB Expect: 100-continue threshold, round-trips exactly")
    func longBody() async throws {
        let fixture = try LocalAPIFixture()
        let prompt = String(repeating: "Summarise the week's streaming numbers per platform. ", count: 200)
        let updated = try await fixture.client().updateTask(TaskUpdate(id: Self.aade, prompt: prompt))
        #expect(updated.prompt == prompt)
        #expect(try await fixture.stats()["PATCH /api/tasks"] == 1)
    }
}
