import Bot
import Foundation
import HTTPClient
import HTTPServer
import Slack
import Support

/// `taskbot try TEXT`: plays Slack against a running bot. It signs and sends the slash command, shows
/// the answer, asks whether to confirm, sends the click, and prints the result that the bot posts to a
/// local `response_url`.
enum TryCommand {
    static let usage = """
        usage: taskbot try [--url https://127.0.0.1:8443] [--state DIR] [--cacert PEM] [--user ID]
                           [--team ID] [--channel ID] [--yes | --no] [--timeout SECONDS] TEXT...
        """

    static func run(_ arguments: [String]) async -> Int32 {
        do {
            let options = try Arguments(arguments, switches: ["yes", "no"])
            try options.rejectUnknown(["url", "state", "cacert", "user", "team", "channel", "yes", "no", "timeout"])
            let text = options.positionals.joined(separator: " ")
            guard !text.isEmpty else { return fail("say what to send, for example: taskbot try \"pause task aade\"") }
            let session = try TrySession(options)
            return try await session.play(text)
        } catch {
            return fail("\(error)")
        }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("taskbot try: \(message)\n\(usage)\n".utf8))
        return 1
    }
}

/// One conversation of `taskbot try`: the signer, the bot's address and the local reply collector.
struct TrySession {
    let client: HTTPClient
    let signer: SlackSignatureVerifier
    let user: String
    let team: String
    let channel: String
    let answer: String?
    let timeout: TimeInterval

    init(_ options: Arguments) throws {
        let state = options.value("state", environment: "TASKBOT_STATE_DIR") ?? "state"
        let listen = Environment.value("TASKBOT_LISTEN") ?? "127.0.0.1:8443"
        let url = URL(string: options.value("url") ?? "https://\(listen)")
        guard let url, let host = url.host, let port = url.port else {
            throw Arguments.Failure(description: "--url must look like https://127.0.0.1:8443")
        }
        var trust: String?
        if url.scheme == "https" {
            trust = options.value("cacert") ?? "\(state)/\(SelfSignedCertificate.certificateFileName)"
        }
        guard let secret = Environment.value("SLACK_SIGNING_SECRET") ?? SigningSecretFile.read(stateDirectory: state)
        else {
            throw Arguments.Failure(
                description: "no signing secret: set SLACK_SIGNING_SECRET or pass the bot's --state directory")
        }
        client = HTTPClient(host: host, port: port, trusting: trust)
        signer = SlackSignatureVerifier(signingSecret: secret)
        user = options.value("user") ?? "U0TRY0001"
        team = options.value("team") ?? "T0TRY0001"
        channel = options.value("channel") ?? "C0TRY0001"
        answer = options.flag("yes") ? "y" : (options.flag("no") ? "n" : nil)
        timeout = options.value("timeout").flatMap(TimeInterval.init) ?? 30
    }

    func play(_ text: String) async throws -> Int32 {
        let collector = try PostCollector()
        let replyURL = collector.url("/reply")
        let form = [
            ("token", "try"), ("team_id", team), ("channel_id", channel), ("user_id", user),
            ("command", "/tasks"), ("text", text), ("response_url", replyURL), ("trigger_id", "1.1.try"),
        ]
        print("> /tasks \(text)")
        var message = try await post("/slack/commands", body: TrySession.encode(form))
        // An acknowledgement whose answer follows on the response_url: a slow tasks API, or a typed confirm.
        if let first = message.lines.first, message.buttons.isEmpty,
            first.hasPrefix("Working on it") || first.contains("will report here")
        {
            show(message)
            message = try await nextReply(collector)
        }
        show(message)
        while let (button, choice) = choose(from: message.buttons) {
            print("> \(choice)")
            let payload = TrySession.interaction(
                button: button, user: user, team: team, channel: channel, replyURL: replyURL)
            _ = try await post("/slack/interactions", body: TrySession.encode([("payload", payload)]))
            message = try await nextReply(collector)
            show(message)
        }
        await collector.stop()
        return 0
    }

    private func nextReply(_ collector: PostCollector) async throws -> BlockKitText {
        guard let post = await collector.next(timeout: timeout) else {
            throw Arguments.Failure(description: "no reply from the bot within \(Int(timeout)) s")
        }
        return BlockKitText(json: post.body)
    }

    private func post(_ path: String, body: String) async throws -> BlockKitText {
        let timestamp = String(Int(Date().timeIntervalSince1970))
        let bytes = Array(body.utf8)
        let response = try await client.send(
            method: "POST", path: path,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("X-Slack-Request-Timestamp", timestamp),
                ("X-Slack-Signature", signer.sign(body: bytes, timestamp: timestamp)),
            ],
            body: bytes)
        guard response.status == 200 else {
            throw Arguments.Failure(description: "the bot answered HTTP \(response.status): \(response.text)")
        }
        return BlockKitText(json: response.body)
    }

    private func show(_ message: BlockKitText) {
        print(
            message.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
                separator: "\n"))
    }

    /// Asks which button to press; nil when there is none or the answer is to stop.
    private func choose(from buttons: [BlockKitText.Button]) -> (BlockKitText.Button, String)? {
        guard !buttons.isEmpty else { return nil }
        if let confirm = buttons.first(where: { $0.actionID == "confirm" }),
            let cancel = buttons.first(where: { $0.actionID == "cancel" })
        {
            let reply = answer ?? prompt("Confirm? [y/N] ")
            return reply.lowercased().hasPrefix("y") ? (confirm, "Confirm") : (cancel, "Cancel")
        }
        for (index, button) in buttons.enumerated() { print("  \(index + 1). \(button.label)") }
        let reply = prompt("Which one? [1-\(buttons.count), empty to stop] ")
        guard let number = Int(reply), (1...buttons.count).contains(number) else { return nil }
        return (buttons[number - 1], buttons[number - 1].label)
    }

    private func prompt(_ question: String) -> String {
        print(question, terminator: "")
        fflush(nil)
        return readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return pairs.map { name, value in
            let escaped = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(name)=\(escaped.replacingOccurrences(of: "%20", with: "+"))"
        }.joined(separator: "&")
    }

    static func interaction(
        button: BlockKitText.Button, user: String, team: String, channel: String, replyURL: String
    ) -> String {
        let payload: [String: Any] = [
            "type": "block_actions", "user": ["id": user, "username": "try"], "team": ["id": team],
            "channel": ["id": channel], "container": ["type": "message", "channel_id": channel],
            "response_url": replyURL, "trigger_id": "1.1.try",
            "actions": [["action_id": button.actionID, "value": button.value, "type": "button"]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: payload)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
