import Foundation

/// `taskbot tasks-api`.
enum TasksAPICommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot tasks-api: not built yet\n".utf8))
        return 2
    }
}
