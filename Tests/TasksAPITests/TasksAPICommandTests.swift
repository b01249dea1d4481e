import Foundation
import Synchronization
import TasksAPI
import TestSupport
import Testing

/// `taskbot tasks-api` as a real process, driven by curl and by the client.
@Suite("taskbot tasks-api command")
struct TasksAPICommandTests {
    static let binary = ContractChecker.packageRoot.appendingPathComponent(".build/debug/taskbot").path

    @Test("serves the seeded API over plain HTTP, keeps changes across restarts and stops on SIGTERM")
    func serveAndRestart() async throws {
        let state = try TemporaryDirectory(prefix: "tasks-api-cli")
        let first = try await RunningCommand.start(state: state.path)
        let base = "http://127.0.0.1:\(first.port)"
        let patched = try await Self.curl([
            "-X", "PATCH", "-H", "x-api-key: cli-key", "-H", "Content-Type: application/json",
            "-d", #"{"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a","enabled":false}"#, "\(base)/api/tasks",
        ])
        #expect(patched.contains(#""enabled":false,"id":"aade2bce-55c7-468e-a606-c4e76fb2ea2a""#))
        #expect(try await Self.curl(["\(base)/api/tasks"]).contains("Exactly one of x-api-key or Authorization"))
        #expect(try await first.stop() == 0)

        let second = try await RunningCommand.start(state: state.path)
        let client = TasksAPIClient(
            configuration: TasksAPIConfiguration(
                baseURL: URL(string: "http://127.0.0.1:\(second.port)")!, credential: .bearer("cli-key")))
        let tasks = try await client.listTasks()
        #expect(tasks.count == 6)
        #expect(tasks.first { $0.id.hasPrefix("aade") }?.enabled == false)
        #expect(try await second.stop() == 0)
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
    func refusals(arguments: [String], key: String, message: String) async throws {
        let (status, text) = try await Blocking.run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["tasks-api"] + arguments
            process.environment = ["TASKS_API_KEY": key]
            let log = Pipe()
            process.standardError = log
            try process.run()
            let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(status == 2)
        #expect(text.contains(message))
    }

    static func curl(_ arguments: [String]) async throws -> String {
        try await Blocking.run {
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
    }
}

/// A running `taskbot tasks-api --listen 127.0.0.1:0 --seed` with the key `cli-key`.
// @unchecked: one test owns it, and its Process and Pipe are only used inside Blocking.run.
final class RunningCommand: @unchecked Sendable {
    let process: Process
    /// Held open while the process runs, so its log writes never hit a closed pipe.
    let log: Pipe
    let port: Int

    private init(process: Process, log: Pipe, port: Int) {
        self.process = process
        self.log = log
        self.port = port
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Starts the command and waits (at most 15 s) for its "serving" log line with the port.
    static func start(state: String) async throws -> RunningCommand {
        try await Blocking.run { try startBlocking(state: state) }
    }

    /// Sends SIGTERM and answers the exit status.
    func stop() async throws -> Int32 {
        try await Blocking.run { [self] in
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    private static func startBlocking(state: String) throws -> RunningCommand {
        let binary = TasksAPICommandTests.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw FixtureError(description: "\(binary) is missing; build with `swift build --build-tests`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["tasks-api", "--listen", "127.0.0.1:0", "--state", state, "--seed"]
        process.environment = ["TASKS_API_KEY": "cli-key", "PATH": "/usr/bin:/bin"]
        let log = Pipe()
        process.standardError = log
        try process.run()
        // A process that neither logs nor exits would block the read below; end it after 15 s.
        let serving = ServingFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 15) { [process] in
            if !serving.value.load(ordering: .relaxed), process.isRunning { process.terminate() }
        }
        var seen = ""
        while true {
            let chunk = log.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let line = seen.split(separator: "\n").first(where: { $0.contains(#""msg":"serving""#) }),
                let range = line.range(of: #""port":""#)
            {
                let port = line[range.upperBound...].prefix { $0.isNumber }
                serving.value.store(true, ordering: .relaxed)
                return RunningCommand(process: process, log: log, port: Int(port) ?? 0)
            }
        }
        process.terminate()
        throw FixtureError(description: "tasks-api did not start: \(seen)")
    }
}

/// Set once the command has logged that it serves, so the start-up watchdog leaves it alone.
private final class ServingFlag: Sendable {
    let value = Atomic<Bool>(false)
}
