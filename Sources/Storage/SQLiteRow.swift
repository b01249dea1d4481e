/// One result row: values by column name or position, with typed reads that say what was wrong.
public struct SQLiteRow: Sendable, Hashable {
    /// Column names in result order.
    public let columns: [String]
    /// Values in result order.
    public let values: [SQLiteValue]

    /// A row from parallel arrays of names and values.
    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at `index`, or `.null` past the end.
    public subscript(index: Int) -> SQLiteValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The value of the first column called `column`, or `.null` when there is none.
    public subscript(column: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    /// The text in `column`; throws when it is missing, NULL or not text.
    public func text(_ column: String) throws(SQLiteError) -> String {
        try read(column, as: "TEXT") { $0.stringValue }
    }

    /// The integer in `column`; throws when it is missing, NULL or not an integer.
    public func int64(_ column: String) throws(SQLiteError) -> Int64 {
        try read(column, as: "INTEGER") { $0.int64Value }
    }

    /// The integer in `column` as `Int`; throws when it is missing, NULL or not an integer.
    public func int(_ column: String) throws(SQLiteError) -> Int {
        Int(try int64(column))
    }

    /// The number in `column` as a `Double`; throws when it is missing, NULL or not numeric.
    public func double(_ column: String) throws(SQLiteError) -> Double {
        try read(column, as: "REAL") { $0.doubleValue }
    }

    /// The integer in `column` read as a boolean; throws when it is missing, NULL or not an integer.
    public func bool(_ column: String) throws(SQLiteError) -> Bool {
        try read(column, as: "INTEGER") { $0.boolValue }
    }

    /// The bytes in `column`; throws when it is missing, NULL or not a blob.
    public func blob(_ column: String) throws(SQLiteError) -> [UInt8] {
        try read(column, as: "BLOB") { $0.blobValue }
    }

    private func read<T>(
        _ column: String, as type: String, _ convert: (SQLiteValue) -> T?
    ) throws(SQLiteError) -> T {
        guard let index = columns.firstIndex(of: column) else {
            throw .misuse("no column \"\(column)\" in the result", operation: "read")
        }
        guard let value = convert(values[index]) else {
            throw .misuse(
                "column \"\(column)\" holds \(values[index].typeName), not \(type)", operation: "read")
        }
        return value
    }
}
