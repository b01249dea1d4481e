import Foundation
import HTTPServer
import Support

/// `taskbot serve`: the HTTPS listener with `GET /healthz`.
enum ServeCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let options: ServeOptions
        do {
            let parsed = try Arguments(arguments, switches: ["no-tls"])
            try parsed.rejectUnknown(ServeOptions.optionNames)
            options = try ServeOptions.parse(parsed)
        } catch {
            FileHandle.standardError.write(Data("taskbot serve: \(error)\n".utf8))
            return 2
        }
        let logger = Logger(minimumLevel: options.logLevel)
        return await ServerRuntime(options: options).run(router: ServerRuntime.baseRouter(), logger: logger)
    }
}
