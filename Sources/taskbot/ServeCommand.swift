import Foundation

/// `taskbot serve`.
enum ServeCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        FileHandle.standardError.write(Data("taskbot serve: not built yet\n".utf8))
        return 2
    }
}
