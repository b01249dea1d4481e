/// One SQL value: what a statement binds and what a column holds.
///
/// Literals work where a value is expected: `["title", 42, 1.5, nil, true]`.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An 8-byte IEEE floating-point number.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes stored as given.
    case blob([UInt8])

    /// `.text(value)`, or `.null` for nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }

    /// `.integer(value)`, or `.null` for nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }

    /// `.integer(value)`, or `.null` for nil.
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }

    /// `.real(value)`, or `.null` for nil.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }

    /// `.integer(1)` for true, `.integer(0)` for false, `.null` for nil (SQLite has no boolean type).
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }

    /// `.blob(value)`, or `.null` for nil.
    public init(_ value: [UInt8]?) { self = value.map { .blob($0) } ?? .null }

    /// True for SQL NULL.
    public var isNull: Bool { self == .null }

    /// The text, or nil when the value is not text.
    public var stringValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The integer, or nil when the value is not an integer.
    public var int64Value: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The integer as `Int`, or nil when the value is not an integer.
    public var intValue: Int? { int64Value.map { Int($0) } }

    /// The number as a `Double` (integers convert), or nil when the value is not numeric.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// An integer read as a boolean (0 is false, anything else true), or nil when not an integer.
    public var boolValue: Bool? { int64Value.map { $0 != 0 } }

    /// The bytes, or nil when the value is not a blob.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }

    /// The SQL type name used in error messages.
    var typeName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// `nil` is SQL NULL.
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// An integer literal is an INTEGER.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// A floating-point literal is a REAL.
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// A string literal is TEXT.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    /// `true` is 1 and `false` is 0.
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}
