import Bot
import Foundation
import TestSupport
import Testing

/// The README's first command on a machine with no credentials at all, and `taskbot try` against it.
@Suite("A fresh machine with no credentials")
struct FreshMachineTests {
    @Test("serve runs the demo tasks with a generated secret it never logs; try cancels, then pauses for real")
    func noCredentials() async throws {
        let directory = try TemporaryDirectory(prefix: "taskbot-fresh")
        let state = "\(directory.path)/state"
        let bot = try TaskbotProcess(["serve", "--listen", "127.0.0.1:0", "--state", state], directory: directory.path)
        let port = try await bot.servingPort()

        let secretPath = SigningSecretFile.path(stateDirectory: state)
        let permissions = try FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let secret = try #require(SigningSecretFile.read(stateDirectory: state))
        #expect(secret.count >= 32)
        #expect(bot.log.contains(#""path":"\#(secretPath)""#), "the log says where the secret is")
        let howTo = try await Self.waitForOutput(of: bot, containing: "try --url https://127.0.0.1:\(port)")
        #expect(howTo.contains("It talks to the built-in local tasks API, seeded with demo tasks."))

        let url = "https://127.0.0.1:\(port)"
        let cancelled = try await ProcessRunner.run(
            TaskbotProcess.binary, ["try", "--url", url, "--state", state, "--no", "pause task aade"],
            timeout: .seconds(30))
        #expect(cancelled.status == 0, "\(cancelled.standardError)")
        #expect(cancelled.standardOutput.contains("Pause “Weekly Genre Pulse Check” (aade2bce)?"))
        #expect(cancelled.standardOutput.lowercased().contains("cancelled"))

        let confirmed = try await ProcessRunner.run(
            TaskbotProcess.binary, ["try", "--url", url, "--state", state, "--yes", "pause task aade"],
            timeout: .seconds(30))
        #expect(confirmed.status == 0, "\(confirmed.standardError)")
        #expect(confirmed.standardOutput.contains("Paused “Weekly Genre Pulse Check” (aade2bce)"))

        let shown = try await ProcessRunner.run(
            TaskbotProcess.binary, ["try", "--url", url, "--state", state, "show aade"], timeout: .seconds(30))
        #expect(shown.standardOutput.contains("paused"), "\(shown.standardOutput)")

        bot.signal(SIGTERM)
        #expect(await bot.waitForExit() == 0)
        #expect(!bot.log.contains(secret))
        #expect(!bot.output.contains(secret))
    }

    private static func waitForOutput(of bot: TaskbotProcess, containing text: String) async throws -> String {
        for _ in 0..<100 {
            if bot.output.contains(text) { return bot.output }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no \(text) in \(bot.output)")
        return bot.output
    }
}
