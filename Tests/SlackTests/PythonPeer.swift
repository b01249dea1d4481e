import Foundation
import TestSupport

/// Runs a short Python script with the test interpreter (env `TASKBOT_TEST_PYTHON`, else the package's
/// `.build/pyenv/bin/python`, which `scripts/bootstrap --test` creates).
enum PythonPeer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var interpreter: String { PythonEnvironment.interpreter }

    /// Runs `script` with `input` on standard input and returns standard output; throws with standard error
    /// when the script exits non-zero, and kills it after `timeout`.
    static func run(_ script: String, input: Data = Data(), timeout: Duration = .seconds(20)) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: interpreter) else {
            throw Failure(
                description: "no Python at \(interpreter): run scripts/bootstrap --test or set TASKBOT_TEST_PYTHON")
        }
        let result = try await ProcessRunner.run(
            interpreter, ["-c", script], input: String(decoding: input, as: UTF8.self), timeout: timeout)
        guard result.status == 0 else {
            throw Failure(description: "python exited \(result.status): \(result.standardError)")
        }
        return result.standardOutput
    }
}
