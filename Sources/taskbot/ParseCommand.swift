import Foundation

/// `taskbot parse`.
enum ParseCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot parse: not built yet\n".utf8))
        return 2
    }
}
