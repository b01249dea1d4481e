import Foundation
import Support

/// `taskbot audit`: the audit log as text lines or as one JSON object per line.
public enum AuditReport {
    /// The store file inside a state directory.
    public static func storePath(stateDirectory: String) -> String { "\(stateDirectory)/taskbot.sqlite" }

    /// The log's lines, oldest first.
    public static func lines(store: BotStore, taskID: String?, since: Date?, json: Bool) throws -> [String] {
        try store.auditLog(taskID: taskID, since: since).map { json ? jsonLine($0) : textLine($0) }
    }

    static func jsonLine(_ entry: AuditEntry) -> String {
        var fields: [(String, String)] = [
            ("id", "\(entry.id)"),
            ("at", JSONText.quote(ISO8601.string(from: entry.at))),
            ("platform", JSONText.quote(entry.platform)),
            ("workspace", JSONText.quote(entry.workspace)),
            ("user", JSONText.quote(entry.user)),
            ("task_id", JSONText.quote(entry.taskID)),
            ("task_title", JSONText.quote(entry.taskTitle)),
            ("before", fieldsJSON(entry.before)),
            ("after", fieldsJSON(entry.after)),
            ("request_id", JSONText.quote(entry.requestID)),
            ("batch_id", JSONText.quote(entry.batchID)),
        ]
        if let reverts = entry.revertsBatch { fields.append(("reverts_batch", JSONText.quote(reverts))) }
        return "{" + fields.map { "\(JSONText.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The set fields of `fields` as a JSON object, keys in a fixed order.
    static func fieldsJSON(_ fields: TaskFields) -> String {
        var parts: [String] = []
        if let title = fields.title { parts.append("\"title\":\(JSONText.quote(title))") }
        if let prompt = fields.prompt { parts.append("\"prompt\":\(JSONText.quote(prompt))") }
        if let schedule = fields.schedule { parts.append("\"schedule\":\(JSONText.quote(schedule))") }
        if let enabled = fields.enabled { parts.append("\"enabled\":\(enabled)") }
        if let zone = fields.timezone { parts.append("\"timezone\":\(JSONText.quote(zone))") }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func textLine(_ entry: AuditEntry) -> String {
        let changes = entry.after.names.map { name in
            "\(name): \(describe(entry.before, name)) -> \(describe(entry.after, name))"
        }
        return "\(ISO8601.string(from: entry.at))  \(entry.user)  \(entry.taskID.prefix(8)) \(entry.taskTitle)  "
            + changes.joined(separator: "; ")
    }

    private static func describe(_ fields: TaskFields, _ name: String) -> String {
        switch name {
        case "title": fields.title ?? "-"
        case "prompt": fields.prompt.map { $0.count > 40 ? String($0.prefix(39)) + "…" : $0 } ?? "-"
        case "schedule": fields.schedule ?? "-"
        case "enabled": fields.enabled.map { $0 ? "running" : "paused" } ?? "-"
        default: fields.timezone ?? "-"
        }
    }
}
