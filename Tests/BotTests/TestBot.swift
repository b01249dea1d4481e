import Foundation
import HTTPClient
import HTTPServer
import LocalTasksAPI
import Slack
import Support
import Synchronization
import TasksAPI
import TestSupport

@testable import Bot

/// A clock that tests move forward by hand; it starts at the real time so that signatures stay valid.
final class TestClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    func advance(_ seconds: TimeInterval) { offset.withLock { $0 += seconds } }

    var wallClock: WallClock { WallClock { [self] in Date().addingTimeInterval(offset.withLock { $0 }) } }
}

/// A Slack message as the bot sent it: its text and its buttons.
struct SlackReply {
    let json: [String: Any]

    init(_ body: [UInt8]) {
        json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// Every text of every block, joined by newlines.
    var text: String {
        var parts: [String] = []
        for block in json["blocks"] as? [[String: Any]] ?? [] {
            if let text = (block["text"] as? [String: Any])?["text"] as? String { parts.append(text) }
            for element in block["elements"] as? [[String: Any]] ?? [] {
                if let text = element["text"] as? String { parts.append(text) }
            }
        }
        return parts.joined(separator: "\n")
    }

    var buttons: [(actionID: String, value: String)] {
        (json["blocks"] as? [[String: Any]] ?? []).flatMap { block in
            (block["elements"] as? [[String: Any]] ?? []).compactMap { element in
                guard let id = element["action_id"] as? String, let value = element["value"] as? String else {
                    return nil
                }
                return (id, value)
            }
        }
    }

    /// The value of the Confirm button.
    var confirmValue: String? { buttons.first { $0.actionID == "confirm" }?.value }

    var replacesOriginal: Bool { (json["replace_original"] as? Bool) ?? false }
}

/// The bot on a real TLS listener, the local tasks API on a real loopback port, a real SQLite store, and a
/// loopback server standing in for Slack's `response_url`.
final class TestBot: @unchecked Sendable {
    // Safe: set once in init and only read afterwards.
    static let secret = "test-signing-secret-0001"
    static let apiKey = TestTasksAPI.apiKey
    static let aade = TestTasksAPI.aade

    let directory: TemporaryDirectory
    let clock = TestClock()
    let logs = LogCapture()
    let tasksAPI: TestTasksAPI
    let bot: BotService
    let server: HTTPServer
    let port: Int
    let slack: PostCollector
    let client: HTTPClient
    let signer: SlackSignatureVerifier

    init(
        requestTimeout: Duration = .seconds(10), settings adjust: (inout BotSettings) -> Void = { _ in },
        configure: (inout BotConfiguration) -> Void = { _ in }
    ) async throws {
        directory = try TemporaryDirectory(prefix: "taskbot-e2e")
        let logger = Logger(sink: logs.sink, minimumLevel: .debug)
        tasksAPI = try TestTasksAPI(directory: directory.path)
        slack = try PostCollector()

        var settings = BotSettings(stateDirectory: directory.path, slackSigningSecret: Self.secret)
        settings.responseURLHosts = ["127.0.0.1"]
        adjust(&settings)
        configure(&settings.bot)
        let tasksAPI = TasksAPIConfiguration(
            baseURL: tasksAPI.url, credential: .apiKey(Self.apiKey),
            requestTimeout: requestTimeout, totalDeadline: requestTimeout * 2, maxAttempts: 2,
            initialBackoff: .milliseconds(50))
        bot = try BotService(
            settings: settings, signingSecret: Self.secret, tasksAPI: tasksAPI, logger: logger,
            clock: clock.wallClock)
        var router = ServerRuntime.baseRouter()
        bot.register(on: &router)
        let (tls, _) = try SelfSignedCertificate.ensure(inDirectory: directory.path)
        var configuration = TestTasksAPI.loopback
        let service = bot
        configuration.requestObserver = { service.observe($0) }
        server = HTTPServer(configuration: configuration, tls: tls, router: router, logger: logger)
        port = try server.start()
        bot.start()
        client = HTTPClient(port: port, trusting: tls.certificateChainPath)
        signer = SlackSignatureVerifier(signingSecret: Self.secret)
    }

    func stop() async {
        await bot.stop()
        await server.shutdown()
        await tasksAPI.stop()
        await slack.stop()
    }

    // MARK: Playing Slack

    static func form(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return pairs.map { name, value in
            "\(name)=\((value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value).replacingOccurrences(of: "%20", with: "+"))"
        }.joined(separator: "&")
    }

    /// POSTs a signed body; `timestamp` and `signature` override the correct ones.
    func post(
        _ path: String, body: String, timestamp: String? = nil, signature: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> HTTPClientConnection.Response {
        let stamp = timestamp ?? String(Int(clock.wallClock.now().timeIntervalSince1970))
        let bytes = Array(body.utf8)
        return try await client.send(
            method: "POST", path: path,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-Slack-Request-Timestamp", stamp),
                ("X-Slack-Signature", signature ?? signer.sign(body: bytes, timestamp: stamp)),
            ] + extra,
            body: bytes)
    }

    /// Sends `/tasks TEXT` as `user`, with the collector as `response_url`.
    func command(
        _ text: String, user: String = "U0000001", channel: String = "C0000001", requestID: String? = nil
    ) async throws
        -> (status: Int, reply: SlackReply, elapsed: TimeInterval)
    {
        let started = Date()
        let body = Self.form([
            ("token", "x"), ("team_id", "T0000001"), ("channel_id", channel), ("user_id", user),
            ("command", "/tasks"), ("text", text), ("response_url", slack.url("/reply")), ("trigger_id", "1.1.x"),
        ])
        let response = try await post(
            "/slack/commands", body: body, headers: requestID.map { [("X-Request-Id", $0)] } ?? [])
        return (response.status, SlackReply(response.body), Date().timeIntervalSince(started))
    }

    /// Presses a button as `user`.
    func click(_ actionID: String, value: String, user: String = "U0000001") async throws
        -> (status: Int, elapsed: TimeInterval)
    {
        let started = Date()
        let payload: [String: Any] = [
            "type": "block_actions", "user": ["id": user], "team": ["id": "T0000001"],
            "channel": ["id": "C0000001"], "response_url": slack.url("/click"), "trigger_id": "1.1.x",
            "actions": [["action_id": actionID, "value": value, "type": "button"]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
        let response = try await post("/slack/interactions", body: Self.form([("payload", json)]))
        return (response.status, Date().timeIntervalSince(started))
    }

    /// The next message the bot posted to a response URL.
    func nextReply(timeout: TimeInterval = 10) async -> SlackReply? {
        await slack.next(timeout: timeout).map { SlackReply($0.body) }
    }

    func apiCalls(_ key: String) async throws -> Int { try await tasksAPI.calls(key) }

    func fault(status: Int? = nil, delayMS: Int = 0, count: Int) async throws {
        try await tasksAPI.fault(status: status, delayMS: delayMS, count: count)
    }

    func task(_ id: String = TestTasksAPI.aade) async throws -> TaskRecord { try await tasksAPI.task(id) }

    func patchDirectly(_ fields: [String: Any]) async throws { try await tasksAPI.patchDirectly(fields) }

    var admin: HTTPClient { tasksAPI.admin }
}

/// Signs and sends Slack requests to a bot reached through `client`.
struct SlackPlayer {
    let client: HTTPClient
    let replyURL: String
    let signer = SlackSignatureVerifier(signingSecret: TestBot.secret)

    func post(_ path: String, body: String) async throws -> HTTPClientConnection.Response {
        let stamp = String(Int(Date().timeIntervalSince1970))
        let bytes = Array(body.utf8)
        return try await client.send(
            method: "POST", path: path,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-Slack-Request-Timestamp", stamp),
                ("X-Slack-Signature", signer.sign(body: bytes, timestamp: stamp)),
            ],
            body: bytes)
    }

    func command(_ text: String, user: String = "U0000001") async throws -> HTTPClientConnection.Response {
        try await post(
            "/slack/commands",
            body: TestBot.form([
                ("team_id", "T0000001"), ("channel_id", "C0000001"), ("user_id", user), ("command", "/tasks"),
                ("text", text), ("response_url", replyURL),
            ]))
    }

    func click(_ actionID: String, value: String, user: String = "U0000001") async throws
        -> HTTPClientConnection.Response
    {
        let payload: [String: Any] = [
            "type": "block_actions", "user": ["id": user], "team": ["id": "T0000001"], "channel": ["id": "C0000001"],
            "response_url": replyURL, "actions": [["action_id": actionID, "value": value, "type": "button"]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
        return try await post("/slack/interactions", body: TestBot.form([("payload", json)]))
    }
}
