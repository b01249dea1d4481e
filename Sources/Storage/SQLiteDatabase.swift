import Synchronization

/// A SQLite database file shared safely by many tasks and threads.
///
/// One connection is opened with WAL journaling, `synchronous = NORMAL`, foreign keys on and a busy
/// timeout; every call takes a lock around it, so calls from concurrent tasks run one at a time in
/// this process. Other processes (or other `SQLiteDatabase` values on the same file) coordinate
/// through SQLite's own locks: writers wait up to `Configuration.busyTimeout`.
///
/// Calls are short and synchronous; they block the calling thread only for the time SQLite needs.
///
/// ```swift
/// let db = try SQLiteDatabase(path: "\(dir)/bot.sqlite")
/// try db.migrate(["CREATE TABLE audit (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"])
/// try db.run("INSERT INTO audit (text) VALUES (?)", ["paused aade2bce"])
/// let rows = try db.query("SELECT text FROM audit WHERE id > ?", [0])
/// ```
public final class SQLiteDatabase: Sendable {
    /// How the connection is opened.
    public struct Configuration: Sendable {
        /// How long a write waits for another connection's lock before failing with `SQLITE_BUSY`.
        /// Default 5 s.
        public var busyTimeout: Duration
        /// Prepared statements kept for reuse, by SQL text. Default 64.
        public var statementCacheLimit: Int
        /// Switch the file to WAL journaling (readers never block the writer). Default true.
        public var writeAheadLog: Bool

        /// The defaults: 5 s busy timeout, 64 cached statements, WAL on.
        public init(busyTimeout: Duration = .seconds(5), statementCacheLimit: Int = 64, writeAheadLog: Bool = true) {
            self.busyTimeout = busyTimeout
            self.statementCacheLimit = statementCacheLimit
            self.writeAheadLog = writeAheadLog
        }
    }

    /// The file path the database was opened with.
    public let path: String
    private let lock = Mutex(())
    private let box: ConnectionBox

    /// Opens (creating if needed) the database file at `path` and applies the configuration.
    public init(path: String, configuration: Configuration = Configuration()) throws(SQLiteError) {
        self.path = path
        box = ConnectionBox(try SQLiteConnection(path: path, configuration: configuration))
    }

    /// Runs a script of one or more statements without parameters (schema, pragmas).
    public func execute(_ script: String) throws(SQLiteError) {
        try locked { connection throws(SQLiteError) in try connection.execute(script) }
    }

    /// Runs one statement with `parameters` bound to its `?` marks and returns every result row.
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        try locked { connection throws(SQLiteError) in try connection.query(sql, parameters) }
    }

    /// The first result row, or nil when there is none.
    public func queryFirst(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteRow? {
        try query(sql, parameters).first
    }

    /// Runs one statement that returns no rows and answers how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        try locked { connection throws(SQLiteError) in try connection.run(sql, parameters) }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` and returns its result; any error thrown by
    /// `body` or by SQLite rolls everything back and is rethrown.
    ///
    /// Use only the connection handed to `body`: calling back into this database from inside would deadlock.
    @discardableResult
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try locked { connection in try connection.transaction(body) }
    }

    /// Lends the connection to `body` under the lock, for several statements without a transaction.
    public func withConnection<T>(_ body: (SQLiteConnection) throws -> T) rethrows -> T {
        try locked(body)
    }

    private func locked<T, E: Error>(_ body: (SQLiteConnection) throws(E) -> T) throws(E) -> T {
        try lock.withLock { _ throws(E) in try body(box.connection) }
    }
}

/// Carries the connection into a `Sendable` class.
// @unchecked: the connection is only touched between `lock` and unlock in `SQLiteDatabase.locked`.
private final class ConnectionBox: @unchecked Sendable {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) { self.connection = connection }
}
