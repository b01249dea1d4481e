import Foundation
import Support
import Testing

@testable import Schedule

@Suite("Schedule warnings")
struct WarningsTests {
    private func messages(_ cron: String, _ zone: String, from: String) throws -> [String] {
        let start = try #require(ISO8601.date(from: from))
        let timeZone = try #require(TimeZone(identifier: zone))
        return try CronExpression(parsing: cron).warnings(in: timeZone, after: start).map(\.message)
    }

    @Test("B20: a run time inside the spring-forward gap is announced with the day and what happens")
    func springGap() throws {
        let warnings = try messages("30 2 * * *", "America/Los_Angeles", from: "2027-03-13T12:00:00-08:00")
        #expect(
            warnings == [
                "On Sunday, 14 March 2027 the clocks in America/Los_Angeles jump from 02:00 to 03:00, so 02:30 does "
                    + "not exist that day; the task runs once at 03:00 instead.",
                "On Sunday, 12 March 2028 the clocks in America/Los_Angeles jump from 02:00 to 03:00, so 02:30 does "
                    + "not exist that day; the task runs once at 03:00 instead.",
            ])
    }

    @Test("a run time in the repeated hour is announced")
    func autumnRepeat() throws {
        let warnings = try messages("30 1 * * *", "America/Los_Angeles", from: "2026-10-01T00:00:00Z")
        #expect(
            warnings == [
                "On Sunday, 1 November 2026 the clocks in America/Los_Angeles go back from 02:00 to 01:00, so 01:30 "
                    + "happens twice that day; the task runs only the first time."
            ])
    }

    @Test("a run every minute names the whole skipped hour once")
    func everyMinute() throws {
        let warnings = try messages("* * * * *", "America/Los_Angeles", from: "2027-03-01T00:00:00Z")
        #expect(
            warnings.first
                == "On Sunday, 14 March 2027 the clocks in America/Los_Angeles jump from 02:00 to 03:00, so 02:00 to "
                + "02:59 does not exist that day; the task runs once at 03:00 instead.")
    }

    @Test("uneven intervals name the short gap")
    func uneven() throws {
        #expect(
            try messages("*/7 * * * *", "UTC", from: "2026-10-01T00:00:00Z") == [
                """
                Every 7 minutes restarts at the top of each hour: the run at :56 is followed by the one at \
                :00, only 4 minutes later.
                """
            ])
        #expect(
            try messages("0 */5 * * *", "UTC", from: "2026-10-01T00:00:00Z") == [
                """
                Every 5 hours restarts at midnight: the run at 20:00 is followed by the one at 00:00, only 4 \
                hours later.
                """
            ])
        #expect(try messages("*/15 * * * *", "UTC", from: "2026-10-01T00:00:00Z") == [])
        #expect(try messages("0 9 * * *", "America/Los_Angeles", from: "2026-10-01T00:00:00Z") == [])
    }
}
