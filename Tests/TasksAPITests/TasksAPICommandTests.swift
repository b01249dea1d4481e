import Foundation
import TasksAPI
import TestSupport
import Testing

/// `taskbot tasks-api` as a real process, driven by curl and by the client.
@Suite("taskbot tasks-api command")
struct TasksAPICommandTests {
    static let binary = ContractChecker.packageRoot.appendingPathComponent(".build/debug/taskbot").path

    /// Starts the command on port 0 and answers the process, its port and its log pipe.
    static func start(state: String, extra: [String] = ["--seed"]) throws -> (Process, Int, Pipe) {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw FixtureError(description: "\(binary) is missing; build with `swift build --build-tests`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["tasks-api", "--listen", "127.0.0.1:0", "--state", state] + extra
        process.environment = ["TASKS_API_KEY": "cli-key", "PATH": "/usr/bin:/bin"]
        let log = Pipe()
        process.standardError = log
        try process.run()
        var seen = ""
        let deadline = Date() + 15
        while Date() < deadline {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let line = seen.split(separator: "\n").first(where: { $0.contains(#""msg":"serving""#) }),
                let range = line.range(of: #""port":""#)
            {
                let port = line[range.upperBound...].prefix { $0.isNumber }
                return (process, Int(port) ?? 0, log)
            }
        }
        process.terminate()
        throw FixtureError(description: "tasks-api did not start: \(seen)")
    }

    static func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "10"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("serves the seeded API over plain HTTP, keeps changes across restarts and stops on SIGTERM")
    func serveAndRestart() async throws {
        let state = try TemporaryDirectory(prefix: "tasks-api-cli")
        var (process, port, log) = try Self.start(state: state.path)
        var logs = [log]
        let base = "http://127.0.0.1:\(port)"
        let patched = try Self.curl([
            "-X", "PATCH", "-H", "x-api-key: cli-key", "-H", "Content-Type: application/json",
            "-d", #"{"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a","enabled":false}"#, "\(base)/api/tasks",
        ])
        #expect(patched.contains(#""enabled":false,"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a""#))
        #expect(try Self.curl(["\(base)/api/tasks"]).contains("Exactly one of x-api-key or Authorization"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        (process, port, log) = try Self.start(state: state.path)
        logs.append(log)
        defer {
            process.terminate()
            process.waitUntilExit()
            // The log pipes stay open until the processes have stopped.
            logs.removeAll()
        }
        let client = TasksAPIClient(
            configuration: TasksAPIConfiguration(
                baseURL: URL(string: "http://127.0.0.1:\(port)")!, credential: .bearer("cli-key")))
        let tasks = try await client.listTasks()
        #expect(tasks.count == 6)
        #expect(tasks.first { $0.id.hasPrefix("aade") }?.enabled == false)
    }

    @Test(
        "refuses plain HTTP off loopback and a missing key",
        arguments: [
            (
                ["--listen", "0.0.0.0:0", "--state", "/tmp"], "cli-key",
                "--no-tls is only allowed on a loopback address"
            ),
            (["--listen", "127.0.0.1:0", "--state", "/tmp"], "", "set TASKS_API_KEY"),
            (["--state", "/tmp"], "cli-key", "usage: taskbot tasks-api"),
        ])
    func refusals(arguments: [String], key: String, message: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["tasks-api"] + arguments
        process.environment = ["TASKS_API_KEY": key]
        let log = Pipe()
        process.standardError = log
        try process.run()
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains(message))
    }
}
