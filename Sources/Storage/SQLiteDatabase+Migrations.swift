extension SQLiteDatabase {
    /// The schema version stored in the file header (`PRAGMA user_version`); 0 for a new file.
    public var userVersion: Int {
        get throws(SQLiteError) { try queryFirst("PRAGMA user_version")?[0].intValue ?? 0 }
    }

    /// The journal mode in effect, such as `wal`.
    public var journalMode: String {
        get throws(SQLiteError) { try queryFirst("PRAGMA journal_mode")?[0].stringValue ?? "" }
    }

    /// Brings the schema up to date: step `n` (counting from 1) runs when `user_version` is below `n`.
    ///
    /// All pending steps and the new `user_version` commit in one IMMEDIATE transaction, so a crash
    /// leaves the old version and two processes migrating at once apply each step exactly once.
    /// Steps are scripts and may hold several statements. Never edit or reorder a released step;
    /// append a new one. Answers the version after migrating.
    @discardableResult
    public func migrate(_ steps: [String]) throws -> Int {
        try transaction { connection in
            let current = try connection.query("PRAGMA user_version").first?[0].intValue ?? 0
            guard current <= steps.count else {
                throw SQLiteError.misuse(
                    "database schema version \(current) is newer than this program's \(steps.count)",
                    operation: "migrate")
            }
            for (offset, script) in steps.enumerated().dropFirst(current) {
                try connection.execute(script)
                // PRAGMA takes no bound parameters; the value is our own integer.
                try connection.execute("PRAGMA user_version = \(offset + 1)")
            }
            return steps.count
        }
    }
}
