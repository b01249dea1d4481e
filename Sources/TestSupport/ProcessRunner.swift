import Foundation

/// Runs an external program (curl, openssl s_client, the built taskbot) with a time limit.
public enum ProcessRunner {
    /// What a finished process left behind.
    public struct Output: Sendable {
        /// The exit status, or 128 + signal number when it was killed.
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// True when the time limit ran out and the process was killed.
        public var timedOut: Bool
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, feeding `input` on stdin,
    /// and kills it after `timeout`. The waiting happens on a Dispatch thread, never on a cooperative one.
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil, timeout: Duration = .seconds(20),
        environment: [String: String]? = nil
    ) async throws -> Output {
        try await Blocking.run {
            try runBlocking(executable, arguments, input: input, timeout: timeout, environment: environment)
        }
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], input: String?, timeout: Duration,
        environment: [String: String]?
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: resolve(executable))
        process.arguments = arguments
        if let environment { process.environment = environment }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inputPipe.fileHandleForWriting.close()
        let collected = Collected(outputPipe.fileHandleForReading, errorPipe.fileHandleForReading)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut {
            process.terminate()
            process.waitUntilExit()
        }
        let (out, err) = collected.finish()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Output(status: status, standardOutput: out, standardError: err, timedOut: timedOut)
    }

    /// `name` if it contains a slash, else the first match on PATH.
    public static func resolve(_ name: String) -> String {
        guard !name.contains("/") else { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        return "/usr/bin/\(name)"
    }

    /// Reads both pipes on background threads so a chatty child never blocks on a full pipe.
    private final class Collected: @unchecked Sendable {
        // @unchecked: each buffer is written by one thread and read only after `group.wait()`.
        private var output = Data()
        private var error = Data()
        private let group = DispatchGroup()

        init(_ outputHandle: FileHandle, _ errorHandle: FileHandle) {
            DispatchQueue.global().async(group: group) { self.output = outputHandle.readDataToEndOfFile() }
            DispatchQueue.global().async(group: group) { self.error = errorHandle.readDataToEndOfFile() }
        }

        func finish() -> (String, String) {
            group.wait()
            return (String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
        }
    }
}
