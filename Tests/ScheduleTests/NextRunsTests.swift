import Foundation
import Support
import Testing

@testable import Schedule

@Suite("Next runs")
struct NextRunsTests {
    private func runs(_ cron: String, _ zone: String, from: String, count: Int) throws -> [String] {
        let expression = try CronExpression(parsing: cron)
        let start = try #require(ISO8601.date(from: from))
        let timeZone = try #require(TimeZone(identifier: zone))
        return expression.nextRuns(after: start, in: timeZone, count: count).map { ISO8601.string(from: $0) }
    }

    @Test("B11: Thursday 10am from a Friday is next week's Thursday, never the past one")
    func b11() throws {
        let next = try runs("0 10 * * 4", "America/New_York", from: "2026-12-04T09:00:00-05:00", count: 2)
        #expect(next == ["2026-12-10T15:00:00Z", "2026-12-17T15:00:00Z"])
    }

    @Test("B20: 02:30 on spring-forward day runs once at 03:00 local, then at 02:30 again")
    func b20() throws {
        let next = try runs("30 2 * * *", "America/Los_Angeles", from: "2027-03-13T12:00:00-08:00", count: 2)
        #expect(next == ["2027-03-14T10:00:00Z", "2027-03-15T09:30:00Z"])
    }

    @Test("every skipped minute of the gap collapses into a single run at 03:00")
    func gapCollapses() throws {
        let next = try runs("*/20 2 * * *", "America/Los_Angeles", from: "2027-03-14T00:00:00-08:00", count: 4)
        #expect(
            next == ["2027-03-14T10:00:00Z", "2027-03-15T09:00:00Z", "2027-03-15T09:20:00Z", "2027-03-15T09:40:00Z"])
    }

    @Test("a repeated 01:30 on fall-back day runs once, the first time")
    func repeatedRunsOnce() throws {
        let next = try runs("30 1 * * *", "America/Los_Angeles", from: "2026-10-31T12:00:00-07:00", count: 3)
        #expect(next == ["2026-11-01T08:30:00Z", "2026-11-02T09:30:00Z", "2026-11-03T09:30:00Z"])
    }

    @Test("hourly runs skip the repeated hour instead of running twice")
    func hourlyAcrossFallBack() throws {
        let next = try runs("0 * * * *", "America/Los_Angeles", from: "2026-11-01T00:30:00-07:00", count: 3)
        #expect(next == ["2026-11-01T08:00:00Z", "2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"])
    }

    @Test("day of month and day of week restricted together match either (classic cron)")
    func vixieOr() throws {
        let next = try runs("0 0 13 * 5", "UTC", from: "2026-11-01T00:00:00Z", count: 4)
        #expect(
            next == ["2026-11-06T00:00:00Z", "2026-11-13T00:00:00Z", "2026-11-20T00:00:00Z", "2026-11-27T00:00:00Z"])
    }

    @Test("a starred day of month does not widen a day-of-week restriction")
    func starredDayOfMonth() throws {
        let next = try runs("0 0 */10 * 1", "UTC", from: "2026-11-01T00:00:00Z", count: 2)
        #expect(next == ["2026-12-21T00:00:00Z", "2027-01-11T00:00:00Z"])
    }

    @Test("29 February is found years ahead")
    func leapDay() throws {
        let next = try runs("0 12 29 2 *", "UTC", from: "2026-12-03T00:00:00Z", count: 2)
        #expect(next == ["2028-02-29T12:00:00Z", "2032-02-29T12:00:00Z"])
    }

    @Test("an impossible date returns no runs, quickly", arguments: ["0 0 30 2 *", "0 0 31 4,6,9,11 *"])
    func impossible(cron: String) throws {
        let started = ContinuousClock.now
        #expect(try runs(cron, "UTC", from: "2026-12-03T00:00:00Z", count: 5) == [])
        #expect(ContinuousClock.now - started < .milliseconds(50))
    }

    @Test("runs strictly after the start instant")
    func strictlyAfter() throws {
        let next = try runs("0 9 * * *", "UTC", from: "2026-12-03T09:00:00Z", count: 1)
        #expect(next == ["2026-12-04T09:00:00Z"])
    }

    @Test("every minute for five runs")
    func everyMinute() throws {
        let next = try runs("* * * * *", "Asia/Kolkata", from: "2026-12-31T23:58:30+05:30", count: 3)
        #expect(next == ["2026-12-31T18:29:00Z", "2026-12-31T18:30:00Z", "2026-12-31T18:31:00Z"])
    }
}
