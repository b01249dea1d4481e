import Foundation
import Support
import TestSupport

/// Runs `scripts/check-tasks-api-contract.py` (Python `jsonschema`) over named JSON documents.
///
/// The schema file is the real API's, from the team's shared material (see `SharedMaterial`).
/// A missing schema file or a Python without `jsonschema` is a failure with a message, never a skip.
struct ContractChecker {
    /// One document: a name for the report, the component schema, and the JSON text itself.
    struct Case: Sendable {
        var name: String
        var schema: String
        var instance: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The schema file, or a failure that says where it was looked for.
    static func schemaFile() throws -> URL {
        let relative = "docs/tasks-api-schemas.json"
        guard let found = SharedMaterial.path(relative) else {
            throw FixtureError(
                description: "the real API's schemas are missing; looked for "
                    + SharedMaterial.candidates(relative).joined(separator: ", ") + " (set TASKBOT_SHARED_DIR)")
        }
        return URL(fileURLWithPath: found)
    }

    /// The Python with `jsonschema`: TASKBOT_TEST_PYTHON, else .build/pyenv/bin/python.
    static func python() throws -> String {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["TASKBOT_TEST_PYTHON"] { candidates.append(configured) }
        candidates.append(packageRoot.appendingPathComponent(".build/pyenv/bin/python").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? run(candidate, ["-c", "import jsonschema"]).status) == 0 { return candidate }
        }
        throw FixtureError(
            description: "no Python with jsonschema (tried \(candidates.joined(separator: ", "))); "
                + "run scripts/bootstrap --test")
    }

    /// Checks `cases` and answers the checker's output lines, one per case, in order.
    static func check(_ cases: [Case]) async throws -> [String] {
        try await Blocking.run { try checkBlocking(cases) }
    }

    private static func checkBlocking(_ cases: [Case]) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let casesFile = directory.appendingPathComponent("cases.json")
        // The instances are JSON already, so the list is written as text around them.
        let items = cases.map { item in
            let name = JSONText.quote(item.name)
            return "{\"name\":\(name),\"schema\":\(JSONText.quote(item.schema)),\"instance\":\(item.instance)}"
        }
        try Data("[\(items.joined(separator: ",\n"))]".utf8).write(to: casesFile)
        let script = packageRoot.appendingPathComponent("scripts/check-tasks-api-contract.py").path
        let result = try run(try python(), [script, try schemaFile().path, casesFile.path])
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
