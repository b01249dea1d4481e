import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("many tasks writing through one database lose no update")
    func sharedDatabase() async throws {
        let directory = try TemporaryDirectory(prefix: "concurrent")
        let database = try SQLiteDatabase(path: "\(directory.path)/c.sqlite")
        try database.execute("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<50 {
                        try database.transaction { connection in
                            let n = try connection.query("SELECT n FROM counter")[0].int64("n")
                            try connection.run("UPDATE counter SET n = ?", [.integer(n + 1)])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try database.queryFirst("SELECT n FROM counter")?[0] == .integer(400))
    }

    @Test("separate connections on one file take turns through the busy timeout")
    func separateConnections() async throws {
        let directory = try TemporaryDirectory(prefix: "concurrent")
        let path = "\(directory.path)/c.sqlite"
        try SQLiteDatabase(path: path).execute("CREATE TABLE log (writer INTEGER NOT NULL, seq INTEGER NOT NULL)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let own = try SQLiteDatabase(path: path)
                    for seq in 0..<25 {
                        try own.transaction { connection in
                            try connection.run(
                                "INSERT INTO log VALUES (?, ?)", [.integer(Int64(writer)), .integer(Int64(seq))])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = try SQLiteDatabase(path: path).query(
            "SELECT writer, count(*) AS n FROM log GROUP BY writer ORDER BY writer")
        #expect(try counts.map { try $0.int("n") } == [25, 25, 25, 25])
    }

    @Test("a reader on another connection is not blocked by an open write transaction")
    func walReaderNotBlocked() throws {
        let directory = try TemporaryDirectory(prefix: "concurrent")
        let path = "\(directory.path)/c.sqlite"
        let writer = try SQLiteDatabase(path: path)
        let reader = try SQLiteDatabase(path: path, configuration: .init(busyTimeout: .milliseconds(50)))
        try writer.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        let seenDuringWrite = try writer.transaction { connection in
            try connection.run("INSERT INTO t VALUES (2)")
            return try reader.query("SELECT count(*) FROM t")[0][0]
        }
        #expect(seenDuringWrite == .integer(1))
        #expect(try reader.queryFirst("SELECT count(*) FROM t")?[0] == .integer(2))
    }

    @Test("a second writer gives up with SQLITE_BUSY after its busy timeout")
    func busyTimeout() throws {
        let directory = try TemporaryDirectory(prefix: "concurrent")
        let path = "\(directory.path)/c.sqlite"
        let first = try SQLiteDatabase(path: path)
        let second = try SQLiteDatabase(path: path, configuration: .init(busyTimeout: .milliseconds(100)))
        try first.execute("CREATE TABLE t (x INTEGER)")
        let started = Date()
        let error = try first.transaction { _ in
            #expect(throws: SQLiteError.self) { try second.transaction { _ in } }
        }
        let waited = Date().timeIntervalSince(started)
        #expect(error?.isBusy == true)
        #expect(error?.message == "database is locked")
        #expect(waited >= 0.09 && waited < 5)
    }
}
