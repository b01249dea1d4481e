import Foundation
import Schedule
import Support

/// `taskbot cron EXPR [--tz ZONE] [--from ISO-8601] [--count N] [--json]`: prints the normal form,
/// the description, the next runs in the zone (with offsets) and any warnings.
enum CronCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            let options = try Arguments(arguments, switches: ["json"])
            try options.rejectUnknown(["tz", "from", "count", "json"])
            let cron = try CronExpression(parsing: options.positionals.joined(separator: " "))
            let zoneName = options.value("tz") ?? "UTC"
            guard let identifier = TimeZoneNames.resolve(zoneName), let zone = TimeZone(identifier: identifier) else {
                return fail("taskbot cron: unknown time zone `\(zoneName)`")
            }
            let from = try options.value("from").map(parseInstant) ?? Date()
            guard let count = Int(options.value("count") ?? "5"), (0...1000).contains(count) else {
                return fail("taskbot cron: --count must be a number from 0 to 1000")
            }
            let report = CronReport(cron: cron, zone: zone, zoneName: identifier, from: from, count: count)
            print(options.flag("json") ? report.json : report.text)
            return 0
        } catch let error as CronError {
            return fail("taskbot cron: \(error.message)", code: 1)
        } catch {
            return fail("taskbot cron: \(error)")
        }
    }

    private static func parseInstant(_ text: String) throws -> Date {
        guard let date = ISO8601.date(from: text) else {
            throw CronError("--from `\(text)` is not an ISO-8601 instant with a zone offset")
        }
        return date
    }

    private static func fail(_ message: String, code: Int32 = 2) -> Int32 {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return code
    }
}
