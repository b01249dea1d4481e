import CSQLite

/// One open SQLite connection with its cache of prepared statements.
///
/// Not thread-safe. `SQLiteDatabase` owns one and lends it out under its lock, so code that receives
/// a connection in a `transaction` or `withConnection` closure must not keep it after the closure.
public final class SQLiteConnection {
    private let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]
    private let statementCacheLimit: Int

    /// Opens (creating if needed) the database at `path`; `:memory:` opens a private in-memory one.
    init(path: String, configuration: SQLiteDatabase.Configuration) throws(SQLiteError) {
        var opened: OpaquePointer?
        // NOMUTEX: SQLiteDatabase serialises every use of the connection itself.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = SQLiteError.from(opened, code: code, operation: "open", sql: nil)
            sqlite3_close_v2(opened)
            throw error
        }
        // From here on deinit owns the handle, also when a later step throws.
        handle = opened
        statementCacheLimit = configuration.statementCacheLimit
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(clamping: configuration.busyTimeout.milliseconds))
        try configure(configuration)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure(_ configuration: SQLiteDatabase.Configuration) throws(SQLiteError) {
        if configuration.writeAheadLog {
            let mode = try query("PRAGMA journal_mode = WAL").first?[0].stringValue ?? ""
            // An in-memory database answers "memory": it has no file to keep a log next to.
            guard mode == "wal" || mode == "memory" else {
                throw .misuse("journal_mode stayed \"\(mode)\", expected \"wal\"", operation: "open")
            }
        }
        try execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
    }

    /// Runs a script of one or more statements without parameters (schema changes, pragmas).
    public func execute(_ script: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, script, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, operation: "exec", sql: script)
        }
    }

    /// Runs one statement with `parameters` bound to its `?` marks and returns every result row.
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        let statement = try prepared(sql)
        try statement.bind(parameters)
        return try statement.run()
    }

    /// Runs one statement that returns no rows and answers how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        _ = try query(sql, parameters)
        return Int(sqlite3_changes64(handle))
    }

    /// The rowid of the last row inserted through this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading read locks;
    /// a writer that finds the lock taken waits up to the busy timeout.
    @discardableResult
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body(self)
        } catch {
            // SQLite may already have rolled back on its own (for example after SQLITE_FULL).
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
        return result
    }

    /// The cached statement for `sql`, prepared on first use.
    private func prepared(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(connection: handle, sql: sql, persistent: true)
        // Callers use a fixed set of SQL texts; a full cache means someone builds SQL dynamically.
        if statements.count >= statementCacheLimit { statements.removeAll() }
        statements[sql] = statement
        return statement
    }

    /// Number of statements held in the cache (for tests).
    var cachedStatementCount: Int { statements.count }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    fileprivate var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
