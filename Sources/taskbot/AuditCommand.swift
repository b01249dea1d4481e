import Bot
import Foundation
import Support

/// `taskbot audit --state DIR [--task ID] [--since ISO-8601] [--json]`.
enum AuditCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            let options = try Arguments(arguments, switches: ["json"])
            try options.rejectUnknown(["state", "task", "since", "json"])
            let state = options.value("state", environment: "TASKBOT_STATE_DIR") ?? "state"
            var since: Date?
            if let text = options.value("since") {
                guard let date = ISO8601.date(from: text) ?? ISO8601.date(from: text + "T00:00:00Z") else {
                    return fail("--since must be an ISO-8601 date or instant, for example 2026-12-01T00:00:00Z")
                }
                since = date
            }
            let path = AuditReport.storePath(stateDirectory: state)
            guard FileManager.default.fileExists(atPath: path) else {
                return fail("no taskbot store at \(path); pass the state directory of a bot with --state")
            }
            let store = try SQLiteBotStore(path: path)
            let lines = try AuditReport.lines(
                store: store, taskID: options.value("task"), since: since, json: options.flag("json"))
            print(lines.joined(separator: "\n"), terminator: lines.isEmpty ? "" : "\n")
            return 0
        } catch {
            return fail("\(error)")
        }
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("taskbot audit: \(message)\n".utf8))
        return 1
    }
}
