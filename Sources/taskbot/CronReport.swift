import Foundation
import Schedule
import Support

/// What `taskbot cron` prints about one cron in one zone.
struct CronReport {
    let cron: CronExpression
    let zone: TimeZone
    let zoneName: String
    let runs: [Date]
    let warnings: [ScheduleWarning]

    init(cron: CronExpression, zone: TimeZone, zoneName: String, from: Date, count: Int) {
        self.cron = cron
        self.zone = zone
        self.zoneName = zoneName
        runs = cron.nextRuns(after: from, in: zone, count: count)
        warnings = cron.warnings(in: zone, after: from)
    }

    var text: String {
        var lines = ["cron: \(cron.normalized)", "description: \(cron.describe()) (\(zoneName))", "next runs:"]
        lines += runs.isEmpty ? ["  (never: no date matches)"] : runs.map { "  " + local($0) }
        if !warnings.isEmpty { lines += ["warnings:"] + warnings.map { "  " + $0.message } }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let runList = runs.map { JSONText.quote(local($0)) }.joined(separator: ", ")
        let warningList = warnings.map { JSONText.quote($0.message) }.joined(separator: ", ")
        return "{\"cron\": \(JSONText.quote(cron.normalized)), \"description\": \(JSONText.quote(cron.describe())), "
            + "\"timezone\": \(JSONText.quote(zoneName)), \"next_runs\": [\(runList)], "
            + "\"warnings\": [\(warningList)]}"
    }

    /// `2026-12-10T10:00:00-05:00`: the instant in the zone with its offset.
    private func local(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }
}
