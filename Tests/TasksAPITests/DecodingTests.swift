import Foundation
import Testing

@testable import TasksAPI

@Suite("Tolerant decoding and error mapping")
struct DecodingTests {
    @Test("ignores unknown fields and fills the optional ones with defaults")
    func minimalTask() throws {
        let json = """
            {"status":"success","tasks":[{"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a","title":"T","prompt":"P",
            "schedule":"0 10 * * 4","account_id":"a","artist_account_id":"b","created_at":"2026-01-01",
            "last_run":null,"extra":{"nested":[1,2,3]}}]}
            """
        let tasks = try APIEnvelope.decode(APIEnvelope.Tasks.self, from: Data(json.utf8), status: 200).tasks
        #expect(tasks.count == 1)
        let task = try #require(tasks.first)
        #expect(task.enabled == nil && task.isEnabled)
        #expect(task.triggerScheduleID == nil && task.model == nil && task.timezone == nil)
        #expect(task.recentRuns.isEmpty && task.upcoming.isEmpty)
    }

    @Test("reads enabled null and false, run dates with and without fractions, and upcoming instants")
    func fullTask() throws {
        let json = """
            {"id":"x","title":"T","prompt":"P","schedule":"0 10 * * 4","account_id":"a","artist_account_id":"b",
             "enabled":false,"trigger_schedule_id":null,"model":"m","timezone":"Europe/Berlin",
             "recent_runs":[{"id":"r1","status":"COMPLETED","createdAt":"2026-12-03T15:00:00.250Z",
                             "finishedAt":null,"costInCents":3,"startedAt":"2026-12-03T15:00:01Z"}],
             "upcoming":["2026-12-10T09:00:00Z","2026-12-17T09:00:00.000Z"]}
            """
        let task = try JSONDecoder().decode(TaskRecord.self, from: Data(json.utf8))
        #expect(task.enabled == false && !task.isEnabled)
        #expect(task.recentRuns.first?.createdAt == Date(timeIntervalSince1970: 1_796_310_000.25))
        #expect(task.recentRuns.first?.startedAt == Date(timeIntervalSince1970: 1_796_310_001))
        #expect(task.recentRuns.first?.finishedAt == nil)
        #expect(
            task.upcoming == [Date(timeIntervalSince1970: 1_796_893_200), Date(timeIntervalSince1970: 1_797_498_000)])
    }

    @Test("encodes and decodes a task to the same value")
    func roundTrip() throws {
        let task = TaskRecord(
            id: "x", title: "T", prompt: "P", schedule: "0 10 * * 4", accountID: "a", artistAccountID: "b",
            enabled: nil, timezone: "UTC",
            recentRuns: [TaskRun(id: "r", status: "FAILED", createdAt: Date(timeIntervalSince1970: 1_796_310_000.5))],
            upcoming: [Date(timeIntervalSince1970: 1_796_893_200)])
        let data = try JSONEncoder().encode(task)
        #expect(try JSONDecoder().decode(TaskRecord.self, from: data) == task)
        #expect(String(decoding: data, as: UTF8.self).contains(#""enabled":null"#))
    }

    @Test("an answer without a required field is undecodable with the path")
    func missingField() {
        let json = #"{"status":"success","tasks":[{"id":"x","prompt":"P"}]}"#
        #expect(throws: TasksAPIError.undecodable(status: 200, detail: "missing title at tasks.0")) {
            try APIEnvelope.decode(APIEnvelope.Tasks.self, from: Data(json.utf8), status: 200)
        }
    }

    @Test(
        "maps error answers to typed errors",
        arguments: [
            (
                400, #"{"status":"error","missing_fields":["schedule"],"error":"bad cron"}"#,
                TasksAPIError.badRequest(message: "bad cron", field: "schedule")
            ),
            (
                400, #"{"status":"error","missing_fields":"title","error":"empty"}"#,
                .badRequest(message: "empty", field: "title")
            ),
            (
                400, #"{"status":"error","missing_fields":[],"error":"Unrecognized key(s) in object: 'x'"}"#,
                .badRequest(message: "Unrecognized key(s) in object: 'x'", field: nil)
            ),
            (400, "<html>", .badRequest(message: "invalid request", field: nil)),
            (401, "{}", .unauthorized), (402, "{}", .paymentRequired), (403, "{}", .forbidden),
            (404, #"{"status":"error","error":"Task not found"}"#, .notFound),
            (500, "{}", .server(status: 500)), (429, "", .server(status: 429)), (409, "{}", .server(status: 409)),
        ])
    func errorMapping(status: Int, body: String, expected: TasksAPIError) {
        #expect(APIEnvelope.error(status: status, body: Data(body.utf8)) == expected)
    }
}
