import Foundation
import TestSupport

/// Runs a short Python script with the test interpreter (env `TASKBOT_TEST_PYTHON`, else the package's
/// `.build/pyenv/bin/python`, which `scripts/bootstrap --test` creates).
enum PythonPeer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var interpreter: String {
        if let configured = ProcessInfo.processInfo.environment["TASKBOT_TEST_PYTHON"], !configured.isEmpty {
            return configured
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/pyenv/bin/python").path
    }

    /// Runs `script` with `input` on standard input and returns standard output; throws with standard error
    /// when the script exits non-zero, and kills it after `timeout` seconds.
    static func run(_ script: String, input: Data = Data(), timeout: TimeInterval = 20) async throws -> String {
        try await Blocking.run { try runBlocking(script, input: input, timeout: timeout) }
    }

    private static func runBlocking(_ script: String, input: Data, timeout: TimeInterval) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: interpreter) else {
            throw Failure(
                description: "no Python at \(interpreter): run scripts/bootstrap --test or set TASKBOT_TEST_PYTHON")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "python exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
