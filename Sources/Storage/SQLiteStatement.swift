import CSQLite
import CShims

/// A prepared statement, owned by one connection and finalized when released.
///
/// Not thread-safe: only the `SQLiteConnection` that prepared it uses it, under that connection's lock.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// The SQL text the statement was prepared from.
    let sql: String
    /// Result column names, read once after preparing.
    let columns: [String]

    /// Prepares exactly one statement; `persistent` hints SQLite that it will be reused from a cache.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var prepared: OpaquePointer?
        var hasTrailingSQL = false
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v3(connection, text, -1, flags, &prepared, &tail)
            if let tail { hasTrailingSQL = !String(cString: tail).allSatisfy(\.isWhitespace) }
            return result
        }
        guard code == SQLITE_OK else { throw .from(connection, code: code, operation: "prepare", sql: sql) }
        guard let prepared else { throw .misuse("no statement in the SQL text", operation: "prepare", sql: sql) }
        guard !hasTrailingSQL else {
            // SQLite would silently ignore everything after the first statement.
            sqlite3_finalize(prepared)
            throw .misuse("more than one statement; use execute(_:) for scripts", operation: "prepare", sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
        self.columns = (0..<sqlite3_column_count(prepared)).map { String(cString: sqlite3_column_name(prepared, $0)) }
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to the `?` parameters in order; the count must match exactly.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw .misuse("statement takes \(expected) parameters, got \(values.count)", operation: "bind", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw .from(connection, code: code, operation: "bind", sql: sql) }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            return sqlite3_bind_text(handle, index, text, Int32(text.utf8.count), taskbot_sqlite_transient())
        case .blob(let bytes) where bytes.isEmpty:
            // An empty buffer may have no base address, which SQLite would store as NULL.
            return sqlite3_bind_zeroblob(handle, index, 0)
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), taskbot_sqlite_transient())
            }
        }
    }

    /// Runs the statement to completion and returns every row, then resets it for reuse.
    ///
    /// Resetting matters in WAL mode: a statement left mid-way keeps its read snapshot open.
    func run() throws(SQLiteError) -> [SQLiteRow] {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var rows: [SQLiteRow] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw .from(connection, code: code, operation: "step", sql: sql) }
            rows.append(SQLiteRow(columns: columns, values: (0..<Int32(columns.count)).map(column)))
        }
    }

    private func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
