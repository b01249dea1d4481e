import Foundation
import TestSupport

/// The built `taskbot serve` running as a child process, its stderr log in a file.
final class ServeProcess {
    let process = Process()
    let logPath: String
    private(set) var port = 0
    private(set) var fingerprint = ""

    /// The built executable: $TASKBOT_BINARY, else `.build/debug/taskbot` under the package root.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["TASKBOT_BINARY"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/taskbot").path
    }

    /// Starts `taskbot serve` with `arguments` and waits until it logs its port.
    init(_ arguments: [String], directory: String, testRoutes: Bool = false) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw TestClientError("taskbot binary not found at \(Self.binary); run `swift build` first")
        }
        logPath = "\(directory)/serve-\(UUID().uuidString.prefix(6)).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TASKBOT_TEST_ROUTES"] = testRoutes ? "1" : "0"
        process.environment = environment
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let line = try await waitForLog(containing: #""msg":"serving""#)
        port = Int(Self.field("port", in: line) ?? "") ?? 0
        fingerprint = Self.field("sha256_fingerprint", in: line) ?? ""
    }

    deinit { if process.isRunning { process.terminate() } }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits up to `timeout` for a log line containing `text` and returns it.
    @discardableResult
    func waitForLog(containing text: String, timeout: Duration = .seconds(10)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = log.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestClientError("no log line with \(text); log so far:\n\(log)")
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for exit and returns the status (nil when it is still running after `timeout`).
    func waitForExit(timeout: Duration = .seconds(15)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    static func field(_ name: String, in line: String) -> String? {
        guard let range = line.range(of: "\"\(name)\":\"") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }
}
