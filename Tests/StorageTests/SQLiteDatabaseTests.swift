import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite("SQLiteDatabase")
struct SQLiteDatabaseTests {
    let directory: TemporaryDirectory
    let database: SQLiteDatabase

    init() throws {
        directory = try TemporaryDirectory(prefix: "storage")
        database = try SQLiteDatabase(path: "\(directory.path)/test.sqlite")
    }

    @Test("opens the file in WAL mode with NORMAL sync, foreign keys and a busy timeout")
    func pragmas() throws {
        #expect(try database.journalMode == "wal")
        #expect(try database.queryFirst("PRAGMA synchronous")?[0] == .integer(1))
        #expect(try database.queryFirst("PRAGMA foreign_keys")?[0] == .integer(1))
        #expect(try database.queryFirst("PRAGMA busy_timeout")?[0] == .integer(5000))
        try database.execute("CREATE TABLE t (x INTEGER)")
        try database.run("INSERT INTO t VALUES (1)")
        #expect(FileManager.default.fileExists(atPath: "\(directory.path)/test.sqlite-wal"))
    }

    @Test("binds and reads back every value type exactly")
    func roundTrip() throws {
        try database.execute("CREATE TABLE v (t TEXT, i INTEGER, r REAL, b BLOB, n TEXT, e BLOB)")
        let text = "Wöchentlicher Puls 🎵 \"quoted\"\u{0}tail"
        try database.run(
            "INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)",
            [.text(text), .integer(Int64.min), 2.5, .blob([0, 1, 254, 255]), nil, .blob([])])
        let row = try #require(try database.queryFirst("SELECT * FROM v"))
        #expect(try row.text("t") == text)
        #expect(try row.int64("i") == Int64.min)
        #expect(try row.double("r") == 2.5)
        #expect(try row.blob("b") == [0, 1, 254, 255])
        #expect(row["n"] == .null)
        #expect(try row.blob("e") == [])
        #expect(row.columns == ["t", "i", "r", "b", "n", "e"])
    }

    @Test("typed reads name the column and the type that was found")
    func typedReadErrors() throws {
        let row = try #require(try database.queryFirst("SELECT 'x' AS word, NULL AS empty"))
        #expect(throws: SQLiteError.misuse("column \"word\" holds TEXT, not INTEGER", operation: "read")) {
            try row.int64("word")
        }
        #expect(throws: SQLiteError.misuse("column \"empty\" holds NULL, not TEXT", operation: "read")) {
            try row.text("empty")
        }
        #expect(throws: SQLiteError.misuse("no column \"missing\" in the result", operation: "read")) {
            try row.text("missing")
        }
    }

    @Test("booleans and optionals bind as SQLite stores them")
    func convenienceBinds() throws {
        let row = try #require(
            try database.queryFirst(
                "SELECT ? AS yes, ? AS no, ? AS none, ? AS count",
                [SQLiteValue(true), SQLiteValue(false), SQLiteValue(nil as String?), SQLiteValue(7 as Int?)]))
        #expect(try row.bool("yes"))
        #expect(try !row.bool("no"))
        #expect(row["none"].isNull)
        #expect(try row.int("count") == 7)
    }

    @Test("a transaction that throws leaves no trace and rethrows the error")
    func rollback() throws {
        struct Abort: Error, Equatable {}
        try database.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Abort()) {
            try database.transaction { connection in
                try connection.run("INSERT INTO t VALUES (1)")
                try connection.run("INSERT INTO t VALUES (2)")
                throw Abort()
            }
        }
        #expect(try database.queryFirst("SELECT count(*) FROM t")?[0] == .integer(0))
        let committed = try database.transaction { connection in
            try connection.run("INSERT INTO t VALUES (3)")
        }
        #expect(committed == 1)
        #expect(try database.query("SELECT x FROM t").map { $0[0] } == [.integer(3)])
    }

    @Test("errors carry SQLite's own message and extended code")
    func errorMessages() throws {
        let missing = #expect(throws: SQLiteError.self) { try database.query("SELECT * FROM nope") }
        #expect(missing?.message == "no such table: nope")
        #expect(missing?.operation == "prepare")
        #expect(missing?.description == "SQLite prepare failed (1): no such table: nope [SELECT * FROM nope]")

        try database.execute("CREATE TABLE u (k TEXT UNIQUE)")
        try database.run("INSERT INTO u VALUES (?)", ["a"])
        let duplicate = #expect(throws: SQLiteError.self) { try database.run("INSERT INTO u VALUES (?)", ["a"]) }
        #expect(duplicate?.message == "UNIQUE constraint failed: u.k")
        #expect(duplicate?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(duplicate?.isConstraintViolation == true)
    }

    @Test("refuses a second statement and a wrong number of parameters")
    func misuse() throws {
        let twoStatements = #expect(throws: SQLiteError.self) { try database.query("SELECT 1; SELECT 2") }
        #expect(twoStatements?.message == "more than one statement; use execute(_:) for scripts")
        let count = #expect(throws: SQLiteError.self) { try database.query("SELECT ?, ?", [1]) }
        #expect(count?.message == "statement takes 2 parameters, got 1")
    }

    @Test("enforces foreign keys")
    func foreignKeys() throws {
        try database.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));
            """)
        let error = #expect(throws: SQLiteError.self) { try database.run("INSERT INTO child VALUES (42)") }
        #expect(error?.message == "FOREIGN KEY constraint failed")
    }

    @Test("reuses prepared statements from the cache")
    func statementCache() throws {
        let before = database.withConnection { $0.cachedStatementCount }
        for value in 0..<5 { _ = try database.query("SELECT ?", [.integer(Int64(value))]) }
        _ = try database.query("SELECT 1")
        #expect(database.withConnection { $0.cachedStatementCount } == before + 2)
    }
}
