import Foundation
import HTTPServer
import LocalTasksAPI
import Support

/// `taskbot tasks-api --listen 127.0.0.1:PORT --state DIR [--seed] [--log-level LEVEL]`: the local tasks
/// API over plain HTTP on a loopback address, accepting the key in `TASKS_API_KEY`.
enum TasksAPICommand {
    static let usage = "usage: taskbot tasks-api --listen 127.0.0.1:PORT --state DIR [--seed] [--log-level LEVEL]"

    static func run(_ arguments: [String]) async -> Int32 {
        let options: ServeOptions
        let seed: Bool
        do {
            // Plain HTTP only: ServeOptions refuses --no-tls on anything but a loopback address.
            let parsed = try Arguments(arguments + ["--no-tls"], switches: ["seed", "no-tls"])
            try parsed.rejectUnknown(["listen", "state", "seed", "log-level", "no-tls"])
            guard parsed.options["listen"] != nil, parsed.options["state"] != nil else { return fail(usage) }
            options = try ServeOptions.parse(parsed)
            seed = parsed.flag("seed")
        } catch {
            return fail("\(error)")
        }
        guard let key = Environment.value("TASKS_API_KEY"), !key.isEmpty else {
            return fail("set TASKS_API_KEY to the key that clients must send (x-api-key or Bearer)")
        }
        let logger = Logger(minimumLevel: options.logLevel).with(["component": "tasks-api"])
        var router = ServerRuntime.baseRouter()
        do {
            let api = try LocalTasksAPI(
                stateDirectory: options.stateDirectory, configuration: .init(apiKey: key), logger: logger)
            if seed {
                let added = try api.seed()
                logger.info("seeded demo tasks", ["tasks.added": String(added)])
            }
            api.register(on: &router)
        } catch {
            logger.error("local tasks API could not open its database", ["error": "\(error)"])
            return 1
        }
        return await ServerRuntime(options: options).run(router: router, logger: logger)
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("taskbot tasks-api: \(message)\n".utf8))
        return 2
    }
}
