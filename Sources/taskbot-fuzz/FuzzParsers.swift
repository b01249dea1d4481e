// libFuzzer targets for the cron and command parsers; the driver in main.swift picks one.
#if FUZZING
    import Commands
    import Foundation
    import Schedule

    private let fuzzZones = ["UTC", "America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"]
        .compactMap { TimeZone(identifier: $0) }
    private let fuzzStart = Date(timeIntervalSince1970: 1_804_000_000)

    /// Feeds arbitrary bytes to the cron reader. Checks that whatever parses prints a normal form that
    /// parses back to the same value sets, describes itself, and yields ascending next runs.
    func fuzzCron(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        guard let cron = try? CronExpression(parsing: text) else { return }
        guard let again = try? CronExpression(parsing: cron.normalized) else {
            fatalError("normal form `\(cron.normalized)` of `\(text)` does not parse")
        }
        precondition(again.fields.map(\.values) == cron.fields.map(\.values), "normal form changes `\(text)`")
        precondition(again.normalized == cron.normalized, "normal form is not stable for `\(text)`")
        precondition(!cron.describe().isEmpty)
        let zone = fuzzZones[size % fuzzZones.count]
        let runs = cron.nextRuns(after: fuzzStart, in: zone, count: 3)
        precondition(zip(runs, runs.dropFirst()).allSatisfy { $0 < $1 }, "runs out of order for `\(text)`")
        precondition(runs.allSatisfy { $0 > fuzzStart }, "a run before the start for `\(text)`")
        _ = cron.warnings(in: zone, after: fuzzStart)
    }

    /// Feeds arbitrary bytes to the command reader. Checks that refusals carry a sentence and that any
    /// schedule change applies to a current cron and yields a normal form that parses back.
    func fuzzCommand(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        switch CommandParser.parse(text) {
        case .failure(let error):
            precondition(!error.message.isEmpty, "empty refusal for `\(text)`")
        case .success(let command):
            let current = try? CronExpression(parsing: "15 9 * * 1-5")
            guard case .success(let patch) = command.patch(currentCron: current) else { return }
            if let schedule = patch.schedule {
                precondition((try? CronExpression(parsing: schedule)) != nil, "patch cron `\(schedule)` does not parse")
            }
            _ = patch.json
        }
    }
#endif
