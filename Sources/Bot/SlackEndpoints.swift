import ChatKit
import Foundation
import HTTPServer
import Slack
import Support

/// `POST /slack/commands` and `POST /slack/interactions`: verify, decode, hand the event to the
/// conversation, and answer within Slack's 3 s whatever the tasks API does. Verification and the answers
/// that need no I/O happen on the event loop; the rest runs off it.
struct SlackEndpoints: Sendable {
    let verifier: SlackSignatureVerifier
    let conversation: Conversation
    let worker: Worker
    let platform: PlatformReplies
    let allowedWorkspaces: Set<String>
    let budget: TimeInterval
    let metrics: BotMetrics
    let logger: Logger
    /// `help` rendered once: the same bytes answer every request for it.
    let helpResponse: HTTPResponse

    init(
        verifier: SlackSignatureVerifier, conversation: Conversation, worker: Worker, platform: PlatformReplies,
        allowedWorkspaces: Set<String>, budget: TimeInterval, metrics: BotMetrics, logger: Logger
    ) {
        self.verifier = verifier
        self.conversation = conversation
        self.worker = worker
        self.platform = platform
        self.allowedWorkspaces = allowedWorkspaces
        self.budget = budget
        self.metrics = metrics
        self.logger = logger
        helpResponse = .json(200, platform.responseBody(Conversation.help))
    }

    /// Bodies up to this size are verified on the event loop (HMAC over a few KiB is microseconds);
    /// larger ones, rare for Slack, are verified off it.
    static let loopBodyLimit = 64 * 1024

    func register(on router: inout Router) {
        router.addStaged("POST", "/slack/commands") { request in
            Self.staged(request, loop: { self.command($0) })
        }
        router.addStaged("POST", "/slack/interactions") { request in
            Self.staged(request, loop: { self.interaction($0) })
        }
    }

    /// Runs the loop stage `loop` on the event loop, or the whole of it off the loop for a large body.
    private static func staged(_ request: HTTPRequest, loop: @escaping @Sendable (HTTPRequest) -> HTTPStage)
        -> HTTPStage
    {
        guard request.body.count > loopBodyLimit else { return loop(request) }
        return .continueOffLoop {
            switch loop(request) {
            case .respond(let response): return response
            case .continueOffLoop(let work): return await work()
            }
        }
    }

    /// Verifies and reads a slash command on the event loop. Refusals, help and text that does not parse
    /// are answered there; everything else continues off the loop.
    func command(_ request: HTTPRequest) -> HTTPStage {
        let intake = SlackIntake.command(
            body: request.body, timestamp: request.headers["X-Slack-Request-Timestamp"],
            signature: request.headers["X-Slack-Signature"], verifier: verifier
        )
        switch intake {
        case .sslCheck:
            return .respond(HTTPResponse(status: 200))
        case .rejected(let failure):
            return .respond(reject(failure, request: request))
        case .malformed(let error):
            return .respond(.json(400, #"{"error":\#(JSONText.quote("\(error)"))}"#))
        case .interaction:
            return .respond(.json(400, #"{"error":"expected a slash command"}"#))
        case .command(let command):
            let event = command.event(requestID: request.requestID)
            if let refusal = workspaceRefusal(event) { return .respond(respond(refusal)) }
            switch conversation.read(command.text) {
            case .help:
                return .respond(helpResponse)
            case .answer(let message):
                return .respond(respond(message))
            case .command(let parsed) where parsed.verb == .confirm || parsed.verb == .cancel:
                return .continueOffLoop { await self.decide(event) }
            case .command:
                return .continueOffLoop { await self.answer(event) }
            }
        }
    }

    /// Verifies a button press on the event loop; the rest continues off it.
    func interaction(_ request: HTTPRequest) -> HTTPStage {
        let intake = SlackIntake.interaction(
            body: request.body, timestamp: request.headers["X-Slack-Request-Timestamp"],
            signature: request.headers["X-Slack-Signature"], verifier: verifier
        )
        switch intake {
        case .rejected(let failure):
            return .respond(reject(failure, request: request))
        case .malformed(let error):
            return .respond(.json(400, #"{"error":\#(JSONText.quote("\(error)"))}"#))
        case .sslCheck, .command:
            return .respond(.json(400, #"{"error":"expected an interaction payload"}"#))
        case .interaction(let interaction):
            let event = interaction.event(requestID: request.requestID)
            return .continueOffLoop { await self.press(event) }
        }
    }

    /// A command that may need the tasks API: answered within the budget, or acknowledged with "working
    /// on it" and answered through the reply URL once ready.
    private func answer(_ event: InboundEvent) async -> HTTPResponse {
        let outcome = await AcknowledgementRace.run(budget: budget) {
            await conversation.respond(to: event)
        } late: { message in
            // The answer replaces the "working on it" acknowledgement.
            var replacement = message
            replacement?.replacesOriginal = true
            await deliverLate(replacement, event: event)
        }
        switch outcome {
        case .inTime(let message):
            return message.map(respond) ?? HTTPResponse(status: 200)
        case .late:
            return respond(ChatMessage(title: "Working on it… I'll post the answer here in a moment."))
        }
    }

    /// A typed `confirm CODE` or `cancel CODE`: the store alone decides it, and the answer waits for the
    /// decision to be committed, as a button press does.
    private func decide(_ event: InboundEvent) async -> HTTPResponse {
        do {
            let message = try await conversation.decide(event)
            return message.map(respond) ?? HTTPResponse(status: 200)
        } catch {
            logger.error("could not record a decision", ["request_id": event.requestID, "error": "\(error)"])
            return respond(Self.decisionNotRecorded)
        }
    }

    /// A button press. Confirm and Cancel are acknowledged only once the store has committed them; a
    /// failed commit is answered 503, so Slack tells the person the press did not go through and nothing
    /// changes. Every answer to a press travels through the reply URL.
    private func press(_ event: InboundEvent) async -> HTTPResponse {
        if let refusal = workspaceRefusal(event) {
            await deliverLate(refusal, event: event)
            return HTTPResponse(status: 200)
        }
        if case .action(let actionID, _) = event.kind, Conversation.decidesInStore(actionID) {
            do {
                let message = try await conversation.decide(event)
                await deliverLate(message, event: event)
                return HTTPResponse(status: 200)
            } catch {
                logger.error("could not record a decision", ["request_id": event.requestID, "error": "\(error)"])
                return .json(503, #"{"error":"the decision could not be recorded; nothing was changed"}"#)
            }
        }
        _ = await AcknowledgementRace.run(budget: budget) {
            await conversation.respond(to: event)
        } late: { message in
            await deliverLate(message, event: event)
        }.deliverInTime { message in await deliverLate(message, event: event) }
        return HTTPResponse(status: 200)
    }

    /// The answer when a typed decision could not be committed.
    static let decisionNotRecorded = ChatMessage(
        title: "I could not record that, so nothing was changed.",
        lines: ["Try the same command again in a moment."]
    )

    private func reject(_ failure: SlackVerificationFailure, request: HTTPRequest) -> HTTPResponse {
        metrics.signatureFailures.increment()
        logger.warning("slack signature rejected", ["request_id": request.requestID, "reason": "\(failure)"])
        return .json(401, #"{"error":"invalid request signature"}"#)
    }

    private func workspaceRefusal(_ event: InboundEvent) -> ChatMessage? {
        guard !allowedWorkspaces.isEmpty, !allowedWorkspaces.contains(event.workspace) else { return nil }
        logger.warning("workspace not allowed", ["request_id": event.requestID, "workspace": event.workspace])
        return ChatMessage(title: "This workspace is not allowed to use this taskbot. Ask whoever runs it.")
    }

    private func respond(_ message: ChatMessage) -> HTTPResponse {
        .json(200, platform.responseBody(message))
    }

    /// Queues a message for the event's reply URL and wakes the worker to deliver it.
    private func deliverLate(_ message: ChatMessage?, event: InboundEvent) async {
        guard let message, let url = event.replyURL else { return }
        let now = Date()
        let reply = OutboundReply(
            pendingID: nil, platform: platform.platform, url: url, body: platform.replyBody(message),
            nextAttemptAt: now, giveUpAt: now.addingTimeInterval(platform.replyURLLifetime),
            requestID: event.requestID
        )
        do {
            try conversation.store.enqueue(reply)
            worker.poke()
        } catch {
            logger.error("could not queue a reply", ["request_id": event.requestID, "error": "\(error)"])
        }
    }
}

extension AcknowledgementRace.Outcome {
    /// Passes a value that arrived in time to `body`.
    func deliverInTime(_ body: (Value) async -> Void) async {
        if case .inTime(let value) = self { await body(value) }
    }
}
