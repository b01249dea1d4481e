import Foundation

/// `taskbot audit`.
enum AuditCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot audit: not built yet\n".utf8))
        return 2
    }
}
