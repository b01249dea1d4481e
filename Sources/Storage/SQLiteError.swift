import CSQLite

/// A failure reported by SQLite, or a misuse of the wrapper, with SQLite's own message.
///
/// `description` is safe to log: it holds the operation, the result code, SQLite's message and the
/// SQL text (statements take their values as bound parameters, so no value reaches the text).
public struct SQLiteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The extended SQLite result code, or `SQLITE_MISUSE` for errors raised by this wrapper.
    public let code: Int32
    /// The message from `sqlite3_errmsg` (or the wrapper's own explanation).
    public let message: String
    /// What was being done: `open`, `prepare`, `bind`, `step`, `exec`, `read`, `migrate`.
    public let operation: String
    /// The SQL involved, if any.
    public let sql: String?

    /// An error with every part given; the wrapper builds these from SQLite result codes.
    public init(code: Int32, message: String, operation: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.operation = operation
        self.sql = sql
    }

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ...), without the extended bits.
    public var primaryCode: Int32 { code & 0xff }

    /// True when the database stayed locked by another connection past the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    /// True for a violated UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint.
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// `SQLite step failed (2067): UNIQUE constraint failed: t.k [INSERT ...]`.
    public var description: String {
        var text = "SQLite \(operation) failed (\(code)): \(message)"
        if let sql { text += " [\(sql)]" }
        return text
    }

    /// An error raised by the wrapper itself rather than by SQLite.
    static func misuse(_ message: String, operation: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: message, operation: operation, sql: sql)
    }

    /// The error for result `code` on connection `handle`, reading SQLite's message at once.
    static func from(_ handle: OpaquePointer?, code: Int32, operation: String, sql: String? = nil) -> SQLiteError {
        let message =
            handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        // The extended code belongs to the same failure only when its primary part matches.
        let bestCode = extended & 0xff == code & 0xff ? extended : code
        return SQLiteError(code: bestCode, message: message, operation: operation, sql: sql)
    }
}
