import Foundation

/// Renders a Slack message body (Block Kit JSON) as terminal text for `taskbot try`.
struct BlockKitText {
    /// A button found in the message.
    struct Button {
        let label: String
        let actionID: String
        let value: String
    }

    let lines: [String]
    let buttons: [Button]
    let replacesOriginal: Bool

    init(json: [UInt8]) {
        let object = (try? JSONSerialization.jsonObject(with: Data(json))) as? [String: Any] ?? [:]
        var lines: [String] = []
        var buttons: [Button] = []
        for block in object["blocks"] as? [[String: Any]] ?? [] {
            switch block["type"] as? String {
            case "section", "header":
                if let text = (block["text"] as? [String: Any])?["text"] as? String { lines.append(text) }
                for field in block["fields"] as? [[String: Any]] ?? [] {
                    if let text = field["text"] as? String { lines.append("  " + text) }
                }
            case "context":
                for element in block["elements"] as? [[String: Any]] ?? [] {
                    if let text = element["text"] as? String { lines.append("  (" + text + ")") }
                }
            case "actions":
                for element in block["elements"] as? [[String: Any]] ?? [] {
                    let label = (element["text"] as? [String: Any])?["text"] as? String ?? "?"
                    buttons.append(
                        Button(
                            label: label, actionID: element["action_id"] as? String ?? "",
                            value: element["value"] as? String ?? ""))
                }
            default:
                continue
            }
        }
        if lines.isEmpty, let text = object["text"] as? String { lines.append(text) }
        self.lines = lines.map(BlockKitText.plain)
        self.buttons = buttons
        let replace = object["replace_original"]
        replacesOriginal = (replace as? Bool) ?? ((replace as? String) == "true")
    }

    /// Slack mrkdwn to plain text: entities decoded; `*bold*` markers (outside `code`) and mention
    /// brackets dropped.
    static func plain(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == "*" && !inCode { continue }
            out.append(character)
        }
        out = out.replacingOccurrences(of: "<@", with: "@").replacingOccurrences(of: ">", with: "")
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    var text: String {
        var all = lines
        if !buttons.isEmpty { all.append(buttons.map { "[\($0.label)]" }.joined(separator: " ")) }
        return all.joined(separator: "\n")
    }
}
