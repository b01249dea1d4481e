import Foundation
import TestSupport
import Testing

/// Runs the built `taskbot` binary (a sibling of the test bundle) the way a person would.
@Suite("taskbot parse and taskbot cron")
struct CLITests {
    private static func binary() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        let candidates = [directory, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("taskbot") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CLIError(description: "taskbot binary not found next to the tests (\(candidates)); run swift build")
        }
        return found
    }

    struct CLIError: Error, CustomStringConvertible { let description: String }

    private func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await ProcessRunner.run(try CLITests.binary().path, arguments)
        return (result.status, result.standardOutput)
    }

    @Test(
        "every subcommand answers --help with its usage and exit status 0",
        arguments: ["serve", "tasks-api", "parse", "cron", "try", "audit"])
    func subcommandHelp(command: String) async throws {
        let result = try await run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("usage: taskbot \(command)"), "\(result.output)")
    }

    @Test("an unknown subcommand is named, with the usage and exit status 2")
    func unknownSubcommand() async throws {
        let result = try await ProcessRunner.run(try CLITests.binary().path, ["version"])
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("taskbot: unknown command `version`\nusage: taskbot <command>"))
    }

    @Test("parse prints the verb, the task as typed and only the changed fields")
    func parseMove() async throws {
        let result = try await run([
            "parse", "--current-cron", "0 9 * * 1", "--tz", "ET", "move", "task", "aade", "to", "Thursday", "10am",
            "PT",
        ])
        #expect(result.status == 0)
        #expect(
            result.output
                == #"{"verb": "move", "task": "aade", "patch": {"schedule": "0 10 * * 4", "timezone": "America/"#
                + #"Los_Angeles"}, "error": null}"#
                + "\n")
    }

    @Test("parse prints a refusal and exits 1")
    func parseRefusal() async throws {
        let result = try await run(["parse", "--current-cron", "0 9 * * *", "set task b9e0 to every 90 minutes"])
        #expect(result.status == 1)
        #expect(
            result.output
                == #"{"error": "Cron can't run exactly every 90 minutes: one cron has no 90-minute step. Neares"#
                + #"t: every hour (`0 * * * *`) or every 2 hours (`0 */2 * * *`)."}"#
                + "\n")
    }

    @Test("cron prints the normal form, description, next runs with offsets and the DST warning")
    func cronB20() async throws {
        let result = try await run([
            "cron", "30 2 * * *", "--tz", "America/Los_Angeles", "--from", "2027-03-13T12:00:00-08:00", "--count", "2",
            "--json",
        ])
        #expect(result.status == 0)
        #expect(
            result.output
                == #"{"cron": "30 2 * * *", "description": "at 02:30 every day", "timezone": "America/Los_Angel"#
                + #"es", "next_runs": ["2027-03-14T03:00:00-07:00", "2027-03-15T02:30:00-07:00"], "warnings": "#
                + #"["On Sunday, 14 March 2027 the clocks in America/Los_Angeles jump from 02:00 to 03:00, so "#
                + #"02:30 does not exist that day; the task runs once at 03:00 instead.", "On Sunday, 12 March"#
                + #" 2028 the clocks in America/Los_Angeles jump from 02:00 to 03:00, so 02:30 does not exist "#
                + #"that day; the task runs once at 03:00 instead."]}"#
                + "\n")
    }

    @Test("cron refuses an out-of-range value with exit status 1")
    func cronError() async throws {
        #expect(try await run(["cron", "0 25 * * *"]).status == 1)
    }
}
