import Foundation
import Testing

@testable import Schedule

/// Compares next runs with croniter (an independent implementation) over 3,000 random crons in UTC
/// and fixed-offset zones. The fixture comes from scripts/gen-cron-fixture.py (fixed seed).
@Suite("Next runs agree with croniter")
struct CroniterFixtureTests {
    static let fixturePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/croniter-next-runs.tsv").path

    @Test("every fixture row gives the same five runs")
    func agrees() throws {
        let text = try String(contentsOfFile: CroniterFixtureTests.fixturePath, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst()
        #expect(rows.count == 3000)
        var mismatches: [String] = []
        for row in rows {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(columns.count == 4, "malformed fixture row: \(row)")
            let cron = try CronExpression(parsing: columns[0])
            let zone = try #require(TimeZone(identifier: columns[1]))
            let start = Date(timeIntervalSince1970: try #require(TimeInterval(columns[2])))
            let expected = columns[3].split(separator: ",").map(String.init)
            let runs = cron.nextRuns(after: start, in: zone, count: expected.isEmpty ? 1 : expected.count)
            let actual = runs.map { String(Int($0.timeIntervalSince1970)) }
            if actual != expected { mismatches.append("\(row) -> \(actual.joined(separator: ","))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) rows differ, first: \(mismatches.prefix(5))")
    }
}
