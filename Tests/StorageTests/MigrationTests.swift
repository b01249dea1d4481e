import TestSupport
import Testing

@testable import Storage

@Suite("Schema migrations")
struct MigrationTests {
    static let steps = [
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
        "ALTER TABLE notes ADD COLUMN author TEXT; INSERT INTO notes (body, author) VALUES ('seed', 'migration');",
    ]

    @Test("applies each step once, also across reopening the file")
    func idempotent() throws {
        let directory = try TemporaryDirectory(prefix: "migrate")
        let path = "\(directory.path)/m.sqlite"
        do {
            let database = try SQLiteDatabase(path: path)
            #expect(try database.userVersion == 0)
            #expect(try database.migrate(Self.steps) == 2)
            #expect(try database.migrate(Self.steps) == 2)
        }
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.migrate(Self.steps) == 2)
        #expect(try reopened.userVersion == 2)
        #expect(try reopened.queryFirst("SELECT count(*) FROM notes")?[0] == .integer(1))
    }

    @Test("a later release applies only its new step")
    func appendOnly() throws {
        let directory = try TemporaryDirectory(prefix: "migrate")
        let database = try SQLiteDatabase(path: "\(directory.path)/m.sqlite")
        try database.migrate(Array(Self.steps.prefix(1)))
        #expect(try database.userVersion == 1)
        try database.migrate(Self.steps)
        #expect(try database.userVersion == 2)
        #expect(try database.query("SELECT author FROM notes").map { $0[0] } == ["migration"])
    }

    @Test("a failing step rolls back every step of that run")
    func failingStep() throws {
        let directory = try TemporaryDirectory(prefix: "migrate")
        let database = try SQLiteDatabase(path: "\(directory.path)/m.sqlite")
        let broken = Self.steps + ["CREATE TABLE notes (id INTEGER)"]
        let error = #expect(throws: SQLiteError.self) { try database.migrate(broken) }
        #expect(error?.message == "table notes already exists")
        #expect(try database.userVersion == 0)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE name = 'notes'").isEmpty)
    }

    @Test("refuses a database written by a newer schema")
    func newerSchema() throws {
        let directory = try TemporaryDirectory(prefix: "migrate")
        let database = try SQLiteDatabase(path: "\(directory.path)/m.sqlite")
        try database.migrate(Self.steps)
        let error = #expect(throws: SQLiteError.self) { try database.migrate(Array(Self.steps.prefix(1))) }
        #expect(error?.message == "database schema version 2 is newer than this program's 1")
    }
}
