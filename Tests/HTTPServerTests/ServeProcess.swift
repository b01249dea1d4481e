import Foundation
import TestSupport

/// `taskbot serve` as a child process, started and waited for until it logs its port and fingerprint.
final class ServeProcess {
    private let child: TaskbotProcess
    let port: Int
    let fingerprint: String

    /// Starts `taskbot serve ARGUMENTS`; `testRoutes` turns on the `/_test/...` routes.
    init(_ arguments: [String], directory: String, testRoutes: Bool = false) async throws {
        child = try TaskbotProcess(
            ["serve"] + arguments, environment: ["TASKBOT_TEST_ROUTES": testRoutes ? "1" : "0"],
            directory: directory)
        let line = try await child.waitForLog(containing: #""msg":"serving""#)
        port = Int(Self.field("port", in: line) ?? "") ?? 0
        fingerprint = Self.field("sha256_fingerprint", in: line) ?? ""
    }

    var log: String { child.log }

    @discardableResult
    func waitForLog(containing text: String) async throws -> String {
        try await child.waitForLog(containing: text)
    }

    func signal(_ number: Int32) { child.signal(number) }

    func waitForExit() async -> Int32? { await child.waitForExit() }

    static func field(_ name: String, in line: String) -> String? {
        guard let range = line.range(of: "\"\(name)\":\"") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }
}
