import Foundation
import LocalTasksAPI
import Support
import Testing

@testable import TasksAPI

@Suite("What users and logs read")
struct ErrorMessageTests {
    @Test(
        "every error has one sentence for the chat user",
        arguments: [
            (
                TasksAPIError.badRequest(message: "timezone must be a valid IANA time zone", field: "timezone"),
                "The tasks API refused the change (400), the timezone field: timezone must be a valid IANA time zone. "
                    + "Fix the value and try again."
            ),
            (
                .unauthorized,
                "The tasks API did not accept the bot's credentials (401). Ask the bot's operator to check its API key."
            ),
            (
                .paymentRequired,
                "The account's plan does not allow this change (402). An admin of the account can upgrade the plan."
            ),
            (.forbidden, "The API key may not change this task (403). Ask an admin of the task's account for access."),
            (.notFound, "No task with that id exists any more (404). List the tasks to find the right one."),
            (
                .server(status: 500),
                "The tasks API failed (500). Try again in a few minutes; repeating the same change is safe."
            ),
            (.server(status: 429), "The tasks API is busy (429). Nothing was changed; try again in a minute."),
            (
                .timeout(after: .seconds(10), method: "GET"),
                "The tasks API did not answer within 10 s. Nothing was changed; try again in a minute."
            ),
            (
                .timeout(after: .milliseconds(2500), method: "PATCH"),
                "The tasks API did not answer within 2.5 s, so the change may or may not have been applied. "
                    + "Check the task before trying again."
            ),
            (
                .unreachable(detail: "Could not connect to the server."),
                "The tasks API could not be reached. Try again in a few minutes."
            ),
            (
                .undecodable(status: 200, detail: "missing title"),
                "The tasks API sent an answer the bot could not read. Check the task before trying again."
            ),
        ])
    func userMessage(error: TasksAPIError, sentence: String) {
        #expect(error.userMessage == sentence)
    }

    @Test("reads the environment: one credential, the URL, or nothing")
    func environment() throws {
        let key = try #require(try TasksAPIConfiguration.fromEnvironment(["TASKS_API_KEY": "k"]))
        #expect(key.credential == .apiKey("k"))
        #expect(key.baseURL.absoluteString == "https://recoup-api.vercel.app")
        #expect(key.requestTimeout == .seconds(10))
        let token = try #require(
            try TasksAPIConfiguration.fromEnvironment(["TASKS_API_TOKEN": "t", "TASKS_API_URL": "http://127.0.0.1:9"]))
        #expect(token.credential == .bearer("t"))
        #expect(token.baseURL.absoluteString == "http://127.0.0.1:9")
        #expect(try TasksAPIConfiguration.fromEnvironment([:]) == nil)
        #expect(try TasksAPIConfiguration.fromEnvironment(["TASKS_API_KEY": ""]) == nil)
    }

    @Test("refuses both credentials and an unusable URL")
    func environmentErrors() {
        #expect(throws: TasksAPIError.misconfigured("set only one of TASKS_API_KEY and TASKS_API_TOKEN, not both")) {
            try TasksAPIConfiguration.fromEnvironment(["TASKS_API_KEY": "k", "TASKS_API_TOKEN": "t"])
        }
        #expect(throws: TasksAPIError.misconfigured("TASKS_API_URL is not an http(s) URL: ftp://x")) {
            try TasksAPIConfiguration.fromEnvironment(["TASKS_API_KEY": "k", "TASKS_API_URL": "ftp://x"])
        }
    }

    @Test("a credential prints without its secret")
    func redacted() {
        let credential = TasksAPIConfiguration.Credential.apiKey("s3cret-value")
        #expect("\(credential)" == "apiKey(redacted)")
        var dumped = ""
        dump(credential, to: &dumped)
        #expect(!dumped.contains("s3cret"))
        #expect(!String(reflecting: TasksAPIConfiguration(credential: .bearer("s3cret-value"))).contains("s3cret"))
    }

    @Test("debug logs of successes, retries and failures never hold the key")
    func logsHoldNoSecret() async throws {
        let fixture = try LocalAPIFixture()
        let capture = LogCapture()
        let logger = Logger(sink: capture.sink, minimumLevel: .debug)
        for credential in [TasksAPIConfiguration.Credential.apiKey(LocalAPIFixture.key), .bearer(LocalAPIFixture.key)] {
            let client = TasksAPIClient(
                configuration: TasksAPIConfiguration(
                    baseURL: fixture.baseURL, credential: credential, initialBackoff: .milliseconds(5)),
                logger: logger)
            try await fixture.injectFault(#"{"status": 503, "count": 1}"#)
            _ = try await client.listTasks(requestID: "log-check")
            _ = try? await client.updateTask(TaskUpdate(id: SeedData.foreignTaskID, enabled: false))
        }
        let lines = capture.captured
        #expect(lines.count == 8)  // per credential: 503, retry warning, 200, 403
        #expect(lines.filter { $0.contains(#""msg":"tasks API retry""#) }.count == 2)
        #expect(!lines.contains { $0.contains(LocalAPIFixture.key) || $0.lowercased().contains("authorization") })
    }
}
