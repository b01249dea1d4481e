import Foundation
import Testing

@Suite("Local API: strict validation with the real API's messages")
struct LocalAPIValidationTests {
    static let aade = InProcessAPI.aade
    static let cronMessage =
        "Invalid cron expression. Must be 5 space-separated fields: minute hour day-of-month month day-of-week "
        + "(e.g. '0 21 * * 0')"

    static let patchCases: [(body: String, answer: String)] = [
        (
            #"{"id":"\#(aade)","colour":"red"}"#,
            #"{"status":"error","error":"Unrecognized key(s) in object: 'colour'","missing_fields":[]}"#
        ),
        (#"{"id":"aade"}"#, #"{"status":"error","error":"id must be a valid UUID","missing_fields":["id"]}"#),
        (#"{"id":"aade","zzz":1}"#, #"{"status":"error","error":"id must be a valid UUID","missing_fields":["id"]}"#),
        (#"{"title":"x"}"#, #"{"status":"error","error":"Required","missing_fields":["id"]}"#),
        (
            #"{"id":"\#(aade)","title":""}"#,
            #"{"status":"error","error":"title must be a non-empty string","missing_fields":["title"]}"#
        ),
        (
            #"{"id":"\#(aade)","prompt":""}"#,
            #"{"status":"error","error":"prompt must be a non-empty string","missing_fields":["prompt"]}"#
        ),
        (
            #"{"id":"\#(aade)","schedule":""}"#,
            #"{"status":"error","error":"schedule must be a non-empty string","missing_fields":["schedule"]}"#
        ),
        (
            #"{"id":"\#(aade)","title":5}"#,
            #"{"status":"error","error":"Expected string, received number","missing_fields":["title"]}"#
        ),
        (
            #"{"id":"\#(aade)","enabled":"no"}"#,
            #"{"status":"error","error":"Expected boolean, received string","missing_fields":["enabled"]}"#
        ),
        (
            #"{"id":"\#(aade)","enabled":1}"#,
            #"{"status":"error","error":"Expected boolean, received number","missing_fields":["enabled"]}"#
        ),
        (
            #"{"id":"\#(aade)","schedule":"0 9-17/2 * * *"}"#,
            #"{"status":"error","error":"\#(cronMessage)","missing_fields":["schedule"]}"#
        ),
        (
            #"{"id":"\#(aade)","timezone":"Mars/Olympus_Mons"}"#,
            #"{"status":"error","error":"timezone must be a valid IANA time zone","missing_fields":["timezone"]}"#
        ),
        (
            #"{"id":"\#(aade)","artist_account_id":"artist"}"#,
            #"{"status":"error","error":"artist_account_id must be a valid UUID","#
                + #""missing_fields":["artist_account_id"]}"#
        ),
        (#"[1]"#, #"{"status":"error","error":"Expected object, received array","missing_fields":[]}"#),
        ("not json", #"{"status":"error","error":"Invalid JSON body"}"#),
    ]

    @Test("PATCH refuses a bad body with status 400 and the exact error", arguments: patchCases)
    func patchValidation(body: String, answer: String) async throws {
        let api = try InProcessAPI()
        let response = await api.send("PATCH", "/api/tasks", body: body)
        #expect(response.status == 400)
        #expect(response.body == answer)
    }

    @Test("PATCH of an unknown id is 404 Task not found")
    func unknownID() async throws {
        let api = try InProcessAPI()
        let response = await api.send(
            "PATCH", "/api/tasks", body: #"{"id":"00000000-0000-4000-8000-000000000000","title":"x"}"#)
        #expect(response.status == 404)
        #expect(response.body == #"{"status":"error","error":"Task not found"}"#)
    }

    @Test("PATCH of another account's task is 403 Access denied to this task")
    func foreignTask() async throws {
        let api = try InProcessAPI()
        let response = await api.send(
            "PATCH", "/api/tasks", body: #"{"id":"c0ffee00-1111-4222-8333-944455556666","enabled":false}"#)
        #expect(response.status == 403)
        #expect(response.body == #"{"status":"error","error":"Access denied to this task"}"#)
    }

    @Test("PATCH takes enabled null, an upper-case id, and answers the task")
    func enabledNullAccepted() async throws {
        let api = try InProcessAPI()
        let response = await api.send(
            "PATCH", "/api/tasks", body: #"{"id":"\#(Self.aade.uppercased())","enabled":null}"#)
        #expect(response.status == 200)
        #expect(
            response.body.hasPrefix(
                #"{"status":"success","tasks":[{"account_id":"848cd58d-700f-4b38-ab4c-d9f52a1b2c3d""#))
        #expect(response.body.contains(#""enabled":null"#))
    }

    @Test("POST names the first missing field in schema order")
    func createRequired() async throws {
        let api = try InProcessAPI()
        let body =
            #"{"title":"t","prompt":"p","schedule":"0 8 * * 1","#
            + #""artist_account_id":"1873859c-dd37-4e9a-9bac-80d35a1b2c3d"}"#
        let response = await api.send("POST", "/api/tasks", body: body)
        #expect(response.status == 400)
        #expect(response.body == #"{"status":"error","error":"Required","missing_fields":["account_id"]}"#)
    }

    @Test("GET checks ids in the query and the account's access")
    func listQuery() async throws {
        let api = try InProcessAPI()
        let badID = await api.send("GET", "/api/tasks?id=aade")
        #expect(badID.status == 400)
        #expect(badID.body == #"{"status":"error","error":"id must be a valid UUID","missing_fields":["id"]}"#)
        let foreign = await api.send("GET", "/api/tasks?account_id=3f0d9a42-1c6b-4e8f-9d2a-7b5c4e3a2f10")
        #expect(foreign.status == 403)
        #expect(foreign.body == #"{"status":"error","error":"Access denied to specified account_id"}"#)
        let hidden = await api.send("GET", "/api/tasks?id=c0ffee00-1111-4222-8333-944455556666")
        #expect(hidden.status == 200)
        #expect(hidden.body == #"{"status":"success","tasks":[]}"#)
    }

    static let limitCases: [(query: String, error: String)] = [
        ("limit=0", "Number must be greater than or equal to 1"),
        ("limit=101", "Number must be less than or equal to 100"),
        ("limit=ten", "Expected number, received nan"),
        ("limit=2.5", "Expected integer, received float"),
    ]

    @Test("runs refuse a limit outside 1-100 without missing_fields", arguments: limitCases)
    func runsLimit(query: String, error: String) async throws {
        let api = try InProcessAPI()
        let response = await api.send("GET", "/api/tasks/runs?\(query)")
        #expect(response.status == 400)
        #expect(response.body == #"{"status":"error","error":"\#(error)"}"#)
    }

    @Test("an unknown run id is 404")
    func unknownRun() async throws {
        let api = try InProcessAPI()
        let response = await api.send("GET", "/api/tasks/runs?runId=run_nope")
        #expect(response.status == 404)
        #expect(response.body == #"{"status":"error","error":"Task run not found"}"#)
    }

    @Test("DELETE validates the id and removes the task with its runs")
    func delete() async throws {
        let api = try InProcessAPI()
        let bad = await api.send("DELETE", "/api/tasks", body: #"{"id":"nope"}"#)
        #expect(bad.body == #"{"status":"error","error":"id must be a valid UUID","missing_fields":["id"]}"#)
        let done = await api.send("DELETE", "/api/tasks", body: #"{"id":"\#(Self.aade)"}"#)
        #expect(done.status == 200)
        #expect(done.body == #"{"status":"success"}"#)
        let again = await api.send("DELETE", "/api/tasks", body: #"{"id":"\#(Self.aade)"}"#)
        #expect(again.status == 404)
        let runs = await api.send("GET", "/api/tasks/runs?runId=run_aade2bce_1")
        #expect(runs.status == 404)
    }
}
