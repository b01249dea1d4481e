import Commands
import Foundation
import Schedule
import TestSupport
import Testing

/// Every row of ../shared/corpus/schedule-phrases.tsv, judged as its README says.
@Suite("Schedule phrase corpus")
struct CorpusTests {
    struct Row: Sendable, CustomStringConvertible {
        let id: String
        let current: String
        let input: String
        let expected: String
        let zone: String
        var description: String { "\(id): \(input)" }
    }

    /// The corpus: `shared/corpus/schedule-phrases.tsv` beside the repository, else the copy in
    /// `Tests/Fixtures/shared` (see `SharedMaterial`).
    static let corpusPath: String =
        SharedMaterial.path("corpus/schedule-phrases.tsv")
        ?? SharedMaterial.candidates("corpus/schedule-phrases.tsv").joined(separator: " or ")

    static let rows: [Row] = {
        guard let text = try? String(contentsOfFile: corpusPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 5 else { return nil }
            return Row(id: columns[0], current: columns[1], input: columns[2], expected: columns[3], zone: columns[4])
        }
    }()

    @Test("the corpus file is present and complete")
    func corpusIsPresent() {
        #expect(
            CorpusTests.rows.count >= 123,
            "corpus missing or short at \(CorpusTests.corpusPath)")
    }

    /// What the refusal must say for each kind of reason the corpus gives, so that a refusal for the wrong
    /// reason ("Which task?") cannot pass.
    static func refusalPhrase(for reason: String) -> String? {
        if reason.hasPrefix("invalid time ") {
            return "`\(reason.dropFirst("invalid time ".count))` is not a valid time of day"
        }
        let phrases: [(reason: String, phrase: String)] = [
            ("interval must be at least 1 minute", "must be at least 1 minute"),
            ("sub-minute intervals", "at most once a minute"),
            ("-minute interval not expressible", "Nearest:"),
            ("last day of month", "the last day of the month"),
            ("nth weekday of month", "nth weekday"),
            ("every other week", "every other week"),
            ("impossible date", "never happens"),
            ("one-off relative time", "is a one-off moment"),
            ("one-off date", "is a one-off date"),
        ]
        return phrases.first { reason.contains($0.reason) }?.phrase
    }

    @Test("every corpus row reaches the expected result", arguments: CorpusTests.rows)
    func row(_ row: Row) throws {
        let current = try CronExpression(parsing: row.current)
        let result = CommandParser.parse(row.input)
        if row.expected.hasPrefix("REJECT:") {
            guard case .failure(let error) = result else {
                Issue.record("\(row.id) should be refused but parsed to \(result)")
                return
            }
            let reason = String(row.expected.dropFirst("REJECT:".count))
            let phrase = try #require(Self.refusalPhrase(for: reason), "\(row.id): no phrase known for “\(reason)”")
            #expect(error.message.contains(phrase), "\(row.id) should say \(phrase): \(error.message)")
            return
        }
        let command = try result.get()
        let patch = try command.patch(currentCron: current).get()
        #expect(patch.timezone == (row.zone.isEmpty ? nil : row.zone), "\(row.id) zone")
        if row.expected == "NOSCHEDULE" {
            #expect(command.edit.schedule == nil, "\(row.id) must not change the schedule")
            return
        }
        let edit = try #require(command.edit.schedule, "\(row.id) has no schedule edit")
        let produced = edit.applied(to: current)
        let expected = try CronExpression(parsing: row.expected)
        #expect(produced.fields.map(\.values) == expected.fields.map(\.values), "\(row.id) field values")
        #expect(produced.normalized == row.expected, "\(row.id) normal form")
        #expect((patch.schedule ?? current.normalized) == row.expected, "\(row.id) patch")
    }
}
