import Foundation
import HTTPClient
import HTTPServer
import TestSupport

/// `taskbot serve` as a child process against a local tasks API and a reply collector, restarted on the same
/// state directory: for tests that kill or stop the bot between a click and its result.
final class RestartableBot: @unchecked Sendable {
    // @unchecked: `process` changes only in `restart`, called by the one test that owns the value; the
    // clean-up task reads only the tasks API and the collector, which are Sendable.
    let directory: TemporaryDirectory
    let tasksAPI: TestTasksAPI
    let slack: PostCollector
    let state: String
    private(set) var process: TaskbotProcess
    /// Signs and sends commands and clicks to the first process, as Slack would.
    let player: SlackPlayer

    init(prefix: String) async throws {
        directory = try TemporaryDirectory(prefix: prefix)
        tasksAPI = try TestTasksAPI(directory: directory.path)
        slack = try PostCollector()
        state = "\(directory.path)/state"
        process = try Self.launch(directory: directory.path, state: state, tasksAPI: tasksAPI)
        let client = HTTPClient(
            port: try await process.servingPort(), trusting: "\(state)/\(SelfSignedCertificate.certificateFileName)")
        player = SlackPlayer(client: client, replyURL: slack.url("/reply"))
    }

    /// Starts a new process on the same state once the previous one has exited; waits until it serves.
    func restart() async throws {
        process = try Self.launch(directory: directory.path, state: state, tasksAPI: tasksAPI)
        _ = try await process.servingPort()
    }

    func stop() async {
        await tasksAPI.stop()
        await slack.stop()
    }

    private static func launch(directory: String, state: String, tasksAPI: TestTasksAPI) throws -> TaskbotProcess {
        let environment = [
            "SLACK_SIGNING_SECRET": TestBot.secret, "TASKS_API_URL": tasksAPI.url.absoluteString,
            "TASKS_API_KEY": TestTasksAPI.apiKey, "SLACK_RESPONSE_URL_HOSTS": "127.0.0.1",
            "TASKBOT_SLACK_TEAMS": "T0000001",
        ]
        return try TaskbotProcess(
            ["serve", "--listen", "127.0.0.1:0", "--state", state], environment: environment, directory: directory)
    }
}
