import Foundation

/// A request body or query schema checked the way the real API's validator checks it: fields in
/// schema order, the first problem wins, unknown keys reported after every known field passed.
struct BodySchema {
    /// What one field must hold.
    enum Rule {
        /// A UUID in any case, 8-4-4-4-12 hex digits.
        case uuid
        /// A string of at least one character; the message names the field.
        case nonEmpty(message: String)
        /// A non-empty string the API's cron validator accepts.
        case cron(emptyMessage: String)
        /// Any string, the empty one included.
        case anyString
        /// `true`, `false` or `null`.
        case nullableBool
        /// An IANA zone name that Foundation knows.
        case timezone
    }

    struct Field {
        var name: String
        var required: Bool
        var rule: Rule
    }

    var fields: [Field]
    /// Unknown keys are refused when true (the API's `.strict()` objects).
    var strict: Bool

    /// Checks `value` and answers its object, or the API's 400 for the first problem found.
    func validate(_ value: JSONValue) throws(APIFailure) -> [String: JSONValue] {
        guard case .object(let object) = value else {
            throw .invalid("Expected object, received \(value.typeName)", at: [])
        }
        for field in fields {
            guard let value = object[field.name] else {
                if field.required { throw .invalid("Required", at: [field.name]) }
                continue
            }
            try check(value, against: field)
        }
        let known = Set(fields.map(\.name))
        let unknown = object.keys.filter { !known.contains($0) }.sorted()
        if strict, !unknown.isEmpty {
            let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw .invalid("Unrecognized key(s) in object: \(names)", at: [])
        }
        return object
    }

    private func check(_ value: JSONValue, against field: Field) throws(APIFailure) {
        let path = [field.name]
        if case .nullableBool = field.rule {
            switch value {
            case .bool, .null: return
            default: throw .invalid("Expected boolean, received \(value.typeName)", at: path)
            }
        }
        guard case .string(let text) = value else {
            throw .invalid("Expected string, received \(value.typeName)", at: path)
        }
        switch field.rule {
        case .uuid where !Self.isUUID(text):
            throw .invalid("\(field.name) must be a valid UUID", at: path)
        case .nonEmpty(let message) where text.isEmpty, .cron(let message) where text.isEmpty:
            throw .invalid(message, at: path)
        case .cron where !CronDialect.accepts(text):
            throw .invalid(CronDialect.invalidMessage, at: path)
        case .timezone where TimeZone(identifier: text) == nil:
            throw .invalid("timezone must be a valid IANA time zone", at: path)
        default:
            return
        }
    }

    /// True for 8-4-4-4-12 hexadecimal digits separated by dashes, any case.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !(byte.isHexDigit) {
                return false
            }
        }
        return true
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (48...57).contains(self) || (65...70).contains(self) || (97...102).contains(self)
    }
}

extension BodySchema {
    /// `PATCH /api/tasks`: strict, only `id` required.
    static let update = BodySchema(
        fields: [
            Field(name: "id", required: true, rule: .uuid),
            Field(name: "title", required: false, rule: .nonEmpty(message: "title must be a non-empty string")),
            Field(name: "prompt", required: false, rule: .nonEmpty(message: "prompt must be a non-empty string")),
            Field(name: "schedule", required: false, rule: .cron(emptyMessage: "schedule must be a non-empty string")),
            Field(name: "account_id", required: false, rule: .uuid),
            Field(name: "artist_account_id", required: false, rule: .uuid),
            Field(name: "enabled", required: false, rule: .nullableBool),
            Field(name: "model", required: false, rule: .nonEmpty(message: "model must be a non-empty string")),
            Field(name: "timezone", required: false, rule: .timezone),
        ], strict: true)

    /// `POST /api/tasks`: strict, everything but `model` required.
    static let create = BodySchema(
        fields: [
            Field(name: "title", required: true, rule: .nonEmpty(message: "title parameter is required")),
            Field(name: "prompt", required: true, rule: .nonEmpty(message: "prompt parameter is required")),
            Field(name: "schedule", required: true, rule: .cron(emptyMessage: "schedule parameter is required")),
            Field(name: "artist_account_id", required: true, rule: .uuid),
            Field(name: "account_id", required: true, rule: .uuid),
            Field(name: "model", required: false, rule: .anyString),
        ], strict: true)

    /// `DELETE /api/tasks`: `id` required; the real schema is not strict.
    static let delete = BodySchema(
        fields: [
            Field(name: "id", required: true, rule: .uuid),
            Field(name: "account_id", required: false, rule: .uuid),
        ], strict: false)

    /// `GET /api/tasks` query; ids must be UUIDs where given.
    static let listQuery = BodySchema(
        fields: [
            Field(name: "account_id", required: false, rule: .uuid),
            Field(name: "artist_account_id", required: false, rule: .uuid),
            Field(name: "id", required: false, rule: .uuid),
        ], strict: false)
}
