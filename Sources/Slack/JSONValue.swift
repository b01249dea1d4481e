import Support

/// A JSON document built in code and written with keys in the order given, so rendered messages are
/// deterministic and cheap to produce on the acknowledgement path.
indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([Member])

    /// One key and its value inside an object.
    struct Member: Sendable, Equatable {
        let key: String
        let value: JSONValue

        init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Compact JSON text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let value):
            out += JSONText.quote(value)
        case .bool(let value):
            out += value ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quote(member.key) + ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }
}
