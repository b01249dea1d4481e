import ChatKit
import Foundation
import HTTPServer
import Slack
import Support

/// `POST /slack/commands` and `POST /slack/interactions`: verify, decode, hand the event to the
/// conversation, and answer within Slack's 3 s whatever the tasks API does.
struct SlackEndpoints: Sendable {
    let verifier: SlackSignatureVerifier
    let conversation: Conversation
    let worker: Worker
    let platform: PlatformReplies
    let allowedWorkspaces: Set<String>
    let budget: TimeInterval
    let metrics: BotMetrics
    let logger: Logger

    func register(on router: inout Router) {
        router.add("POST", "/slack/commands") { request in await self.command(request) }
        router.add("POST", "/slack/interactions") { request in await self.interaction(request) }
    }

    func command(_ request: HTTPRequest) async -> HTTPResponse {
        let intake = SlackIntake.command(
            body: request.body, timestamp: request.headers["X-Slack-Request-Timestamp"],
            signature: request.headers["X-Slack-Signature"], verifier: verifier
        )
        switch intake {
        case .sslCheck:
            return HTTPResponse(status: 200)
        case .rejected(let failure):
            return reject(failure, request: request)
        case .malformed(let error):
            return .json(400, #"{"error":\#(JSONText.quote("\(error)"))}"#)
        case .interaction:
            return .json(400, #"{"error":"expected a slash command"}"#)
        case .command(let command):
            let event = command.event(requestID: request.requestID)
            if let refusal = workspaceRefusal(event) { return respond(refusal) }
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
    }

    func interaction(_ request: HTTPRequest) async -> HTTPResponse {
        let intake = SlackIntake.interaction(
            body: request.body, timestamp: request.headers["X-Slack-Request-Timestamp"],
            signature: request.headers["X-Slack-Signature"], verifier: verifier
        )
        switch intake {
        case .rejected(let failure):
            return reject(failure, request: request)
        case .malformed(let error):
            return .json(400, #"{"error":\#(JSONText.quote("\(error)"))}"#)
        case .sslCheck, .command:
            return .json(400, #"{"error":"expected an interaction payload"}"#)
        case .interaction(let interaction):
            let event = interaction.event(requestID: request.requestID)
            if let refusal = workspaceRefusal(event) {
                await deliverLate(refusal, event: event)
                return HTTPResponse(status: 200)
            }
            // Every answer to a click travels through the reply URL; the HTTP answer only acknowledges,
            // and only after a Confirm's claim has been committed by `respond`.
            _ = await AcknowledgementRace.run(budget: budget) {
                await conversation.respond(to: event)
            } late: { message in
                await deliverLate(message, event: event)
            }.deliverInTime { message in await deliverLate(message, event: event) }
            return HTTPResponse(status: 200)
        }
    }

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
