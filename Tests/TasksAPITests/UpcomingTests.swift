import Foundation
import Support
import Testing

@Suite("Local API: upcoming runs from the schedule engine")
struct UpcomingTests {
    /// Thursday 2026-12-03 15:00 UTC, the field reports' server clock.
    static let now = WallClock.fixed(Date(timeIntervalSince1970: 1_796_310_000))

    /// The `upcoming` member as the API writes it.
    static func upcomingJSON(_ instants: [String]) -> String {
        #""upcoming":["# + instants.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    @Test(
        "lists the next runs in the task's zone, and none for a disabled task",
        arguments: [
            (
                "aade2bce-55c7-468e-a606-c4e76fb2ea2a",  // 0 10 * * 4, UTC: today's 10:00 has passed
                UpcomingTests.upcomingJSON([
                    "2026-12-10T10:00:00Z", "2026-12-17T10:00:00Z", "2026-12-24T10:00:00Z",
                ])
            ),
            (
                "12ab34cd-5e6f-4a7b-8c9d-0e1f2a3b4c5d",  // 0 9 * * 1-5, Los Angeles: 07:00 PST now
                UpcomingTests.upcomingJSON([
                    "2026-12-03T17:00:00Z", "2026-12-04T17:00:00Z", "2026-12-07T17:00:00Z",
                ])
            ),
            ("7f3c1e2d-9a8b-4c7d-b6e5-f4a3b2c1d0e9", #""upcoming":[]"#),
        ])
    func upcoming(id: String, expected: String) async throws {
        let api = try InProcessAPI(clock: Self.now)
        let response = await api.send("GET", "/api/tasks?id=\(id)")
        #expect(response.status == 200)
        #expect(response.body.contains(expected))
    }

    @Test("recent runs end the day before now, newest first")
    func recentRuns() async throws {
        let api = try InProcessAPI(clock: Self.now)
        let response = await api.send("GET", "/api/tasks?id=aade2bce-55c7-468e-a606-c4e76fb2ea2a")
        #expect(
            response.body.contains(
                #""createdAt":"2026-12-02T00:00:00.000Z","finishedAt":"2026-12-02T00:01:35.000Z","id":"run_aade2bce_3""#
            ))
    }
}
