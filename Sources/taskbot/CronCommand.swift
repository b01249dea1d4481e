import Foundation

/// `taskbot cron`.
enum CronCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot cron: not built yet\n".utf8))
        return 2
    }
}
