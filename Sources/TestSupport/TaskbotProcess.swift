import Foundation

/// The built `taskbot` running as a child process, its standard error in a file. Waiting never blocks a
/// cooperative thread: it polls with `Task.sleep`.
public final class TaskbotProcess: @unchecked Sendable {
    // Safe: `process` is configured in init and afterwards only queried or signalled.
    public let process = Process()
    public let logPath: String

    /// The built executable: $TASKBOT_BINARY, else `.build/debug/taskbot` under the package root.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["TASKBOT_BINARY"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/taskbot").path
    }

    /// Starts `taskbot ARGUMENTS` with extra environment variables; stdout goes to `<log>.out`.
    public init(_ arguments: [String], environment extra: [String: String] = [:], directory: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw TestClientError("taskbot binary not found at \(Self.binary); run `swift build` first")
        }
        logPath = "\(directory)/taskbot-\(UUID().uuidString.prefix(6)).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        _ = FileManager.default.createFile(atPath: logPath + ".out", contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath + ".out"))
        try process.run()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// Everything written to standard error so far.
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Everything written to standard output so far.
    public var output: String { (try? String(contentsOfFile: logPath + ".out", encoding: .utf8)) ?? "" }

    /// Waits up to `timeout` for a log line containing `text` and returns it.
    @discardableResult
    public func waitForLog(containing text: String, timeout: Duration = .seconds(15)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = log.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestClientError("no log line with \(text); log so far:\n\(log)")
    }

    /// The port of the `serving` log line, once it appears.
    public func servingPort() async throws -> Int {
        let line = try await waitForLog(containing: #""msg":"serving""#)
        guard let range = line.range(of: #""port":""#), let end = line[range.upperBound...].firstIndex(of: "\"")
        else { throw TestClientError("no port in \(line)") }
        return Int(line[range.upperBound..<end]) ?? 0
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for exit and returns the status, or nil when it still runs after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(15)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
