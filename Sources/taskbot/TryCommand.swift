import Foundation

/// `taskbot try`.
enum TryCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot try: not built yet\n".utf8))
        return 2
    }
}
