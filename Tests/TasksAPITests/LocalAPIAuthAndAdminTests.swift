import Foundation
import Testing

@Suite("Local API: credentials, admin endpoints and seeding")
struct LocalAPIAuthAndAdminTests {
    static let exactlyOne = #"{"status":"error","error":"Exactly one of x-api-key or Authorization must be provided"}"#
    static let unauthorized = #"{"status":"error","error":"Unauthorized"}"#

    static let credentialCases: [(headers: [(String, String)], status: Int, body: String?)] = [
        ([], 401, exactlyOne),
        ([("x-api-key", InProcessAPI.key), ("Authorization", "Bearer \(InProcessAPI.key)")], 401, exactlyOne),
        ([("x-api-key", "")], 401, exactlyOne),
        ([("x-api-key", "wrong")], 401, unauthorized),
        ([("Authorization", "Bearer wrong")], 401, unauthorized),
        ([("Authorization", "Basic \(InProcessAPI.key)")], 401, unauthorized),
        ([("Authorization", "bearer \(InProcessAPI.key)")], 200, nil),
        ([("X-API-KEY", InProcessAPI.key)], 200, nil),
    ]

    @Test("accepts exactly one valid credential", arguments: credentialCases)
    func credentials(headers: [(String, String)], status: Int, body: String?) async throws {
        let api = try InProcessAPI()
        let response = await api.send("GET", "/api/tasks", headers: headers)
        #expect(response.status == status)
        if let body { #expect(response.body == body) }
    }

    @Test("admin endpoints answer 404 to peers off loopback", arguments: ["10.0.0.5:5000", "[2001:db8::1]:443", ""])
    func adminLoopbackOnly(remote: String) async throws {
        let api = try InProcessAPI()
        let stats = await api.send("GET", "/_admin/stats", from: remote)
        #expect(stats.status == 404)
        #expect(stats.body == #"{"error":"not found"}"#)
        let fault = await api.send("POST", "/_admin/faults", body: #"{"status":503,"count":1}"#, from: remote)
        #expect(fault.status == 404)
        #expect(await api.send("GET", "/api/tasks").status == 200)
    }

    @Test("stats count every request received by method and path, failures included")
    func stats() async throws {
        let api = try InProcessAPI()
        _ = await api.send("GET", "/api/tasks")
        _ = await api.send("GET", "/api/tasks?id=\(InProcessAPI.aade)")
        _ = await api.send("PATCH", "/api/tasks", body: "{}", headers: [])
        _ = await api.send("GET", "/api/tasks/runs")
        let response = await api.send("GET", "/_admin/stats", from: "[::1]:9")
        #expect(response.status == 200)
        #expect(
            response.body
                == #"{"requests":{"GET /_admin/stats":1,"GET /api/tasks":2,"GET /api/tasks/runs":1,"#
                + #""PATCH /api/tasks":1}}"#
        )
    }

    @Test("a fault answers its status for count calls, then clears; count 0 clears at once")
    func faults() async throws {
        let api = try InProcessAPI()
        let armed = await api.send("POST", "/_admin/faults", body: #"{"status":503,"count":2,"retry_after":"3"}"#)
        #expect(armed.status == 200)
        let first = await api.send("GET", "/api/tasks")
        #expect(first.status == 503)
        #expect(first.body == #"{"status":"error","error":"Injected fault"}"#)
        #expect(await api.send("GET", "/api/tasks/runs").status == 503)
        #expect(await api.send("GET", "/api/tasks").status == 200)
        _ = await api.send("POST", "/_admin/faults", body: #"{"status":500,"count":5}"#)
        _ = await api.send("POST", "/_admin/faults", body: #"{"count":0}"#)
        #expect(await api.send("GET", "/api/tasks").status == 200)
    }

    @Test("a fault's delay holds the answer back")
    func faultDelay() async throws {
        let api = try InProcessAPI()
        _ = await api.send("POST", "/_admin/faults", body: #"{"delay_ms":300,"count":1}"#)
        let started = ContinuousClock.now
        #expect(await api.send("GET", "/api/tasks").status == 200)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    @Test(
        "a fault body with a bad value is refused",
        arguments: [
            (
                #"{"status":99}"#,
                #"{"status":"error","error":"status must be an integer from 100 to 599","missing_fields":["status"]}"#
            ),
            (
                #"{"count":-1}"#,
                #"{"status":"error","error":"count must be an integer from 0 to 1000000","missing_fields":["count"]}"#
            ),
            (
                #"{"delay":5}"#,
                #"{"status":"error","error":"Unrecognized key(s) in object: 'delay'","missing_fields":[]}"#
            ),
        ])
    func badFault(body: String, answer: String) async throws {
        let api = try InProcessAPI()
        let response = await api.send("POST", "/_admin/faults", body: body)
        #expect(response.status == 400)
        #expect(response.body == answer)
    }

    @Test("seeding twice and reopening the file keeps one copy of each task and every change")
    func seedIdempotent() async throws {
        let api = try InProcessAPI()
        #expect(try api.api.seed() == 0)
        _ = await api.send("PATCH", "/api/tasks", body: #"{"id":"\#(InProcessAPI.aade)","title":"Renamed"}"#)
        let reopened = try InProcessAPI(directory: api.directory)
        #expect(try reopened.api.seed() == 0)
        let list = await reopened.send("GET", "/api/tasks")
        #expect(list.body.components(separatedBy: #""title":"#).count - 1 == 6)
        #expect(list.body.contains(#""title":"Renamed""#))
        #expect(FileManager.default.fileExists(atPath: "\(api.directory.path)/tasks-api.sqlite-wal"))
    }
}
