import ChatKit
import Commands
import Foundation
import TasksAPI

extension Conversation {
    /// True for the presses the store alone decides (Confirm, Cancel): no tasks API call, so their
    /// acknowledgement can wait for the commit.
    static func decidesInStore(_ actionID: String) -> Bool { actionID == "confirm" || actionID == "cancel" }

    /// Decides a Confirm or Cancel, pressed or typed with its code, and returns the reply once the store
    /// has committed it (nil: the worker will report). Store failures are thrown, not turned into a
    /// message, so the caller can refuse the acknowledgement.
    func decide(_ event: InboundEvent) async throws -> ChatMessage? {
        switch event.kind {
        case .action(let actionID, let value):
            return try await action(actionID, value: value, event: event)
        case .command(let text):
            guard case .command(let command) = read(text), command.verb == .confirm || command.verb == .cancel
            else { return await respond(to: event) }
            return try await typedDecision(command, event: event)
        }
    }

    /// A button press: confirm, cancel, or pick one of several matching tasks.
    func action(_ actionID: String, value: String, event: InboundEvent) async throws -> ChatMessage? {
        let now = clock.now()
        switch actionID {
        case "confirm":
            let outcome = try store.claim(id: value, user: event.user, now: now, replyURL: event.replyURL)
            if case .done(let change) = outcome {
                logger.info("change confirmed", ["request_id": event.requestID, "change_id": change.id])
                await resolver.invalidate()
                wakeWorker()
                return nil
            }
            return Conversation.answer(to: outcome)
        case "cancel":
            let outcome = try store.cancel(id: value, user: event.user, now: now)
            if case .done = outcome {
                return ChatMessage(title: "Cancelled. Nothing was changed.", replacesOriginal: true)
            }
            return Conversation.answer(to: outcome)
        case "pick":
            return try await pick(value, event: event)
        default:
            return ChatMessage(title: "That button is from an older version of taskbot; run the command again.")
        }
    }

    /// The sentence for a press that did not claim or cancel anything.
    static func answer(to outcome: ClaimOutcome) -> ChatMessage {
        switch outcome {
        case .done:
            return ChatMessage(title: "Done.")
        case .notFound:
            return ChatMessage(title: "I can't find that preview any more. Run the command again for a fresh one.")
        case .wrongUser(let requester):
            return ChatMessage(
                title: "Only \(Mention.of(requester)) can confirm or cancel this change. Nothing was changed.",
                lines: ["Run the command yourself to make your own change."]
            )
        case .expired:
            return ChatMessage(
                title: "This preview expired, so nothing was changed. Run the command again for a fresh preview.",
                replacesOriginal: true
            )
        case .alreadyHandled(let state):
            switch state {
            case .claimed, .applied:
                return ChatMessage(title: "Already applied: this change was confirmed once. Nothing more to do.")
            case .cancelled:
                return ChatMessage(title: "This change was cancelled. Nothing was changed.")
            case .expired:
                return ChatMessage(title: "This preview expired. Run the command again for a fresh preview.")
            case .superseded:
                return ChatMessage(title: "The task changed after this preview, so a newer preview replaced it.")
            case .failed:
                return ChatMessage(title: "This change already failed. Run the command again to retry.")
            case .previewed:
                return ChatMessage(title: "This change is still waiting for confirmation.")
            }
        }
    }

    /// One of several candidates was picked: run the stored command on it.
    private func pick(_ value: String, event: InboundEvent) async throws -> ChatMessage? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return ChatMessage(title: "That choice is not valid; run the command again.") }
        let outcome = try store.cancel(id: parts[0], user: event.user, now: clock.now())
        guard case .done(let selection) = outcome else { return Conversation.answer(to: outcome) }
        guard case .success(var command) = CommandParser.parse(selection.commandText) else {
            return ChatMessage(title: "I could not read that command again; please retype it.")
        }
        command.task = TaskReference(.id(parts[1]), typed: parts[1])
        var picked = event
        picked.kind = .command(text: selection.commandText)
        let zone = await zones.zone(workspace: event.workspace, user: event.user, named: command.edit.timezone)
        let messages = Messages(now: clock.now(), zone: zone)
        let task = try await client.getTask(id: parts[1], requestID: event.requestID)
        try store.setLastTask(task.id, workspace: event.workspace, channel: event.channel, user: event.user)
        var reply: ChatMessage
        switch command.verb {
        case .show: reply = messages.show(task, snooze: try store.snooze(taskID: task.id))
        case .history:
            reply = messages.history(
                try store.history(taskID: task.id, limit: 10), taskLabel: Messages.label(task.title, task.id))
        default:
            reply = try preview(
                command, text: selection.commandText, task: task, event: picked, messages: messages, zone: zone)
        }
        reply.replacesOriginal = true
        return reply
    }

    /// A claimed change whose task changed since the preview: a fresh preview from the same command.
    func refreshedPreview(for change: PendingChange) async -> ChatMessage {
        let event = InboundEvent(
            kind: .command(text: change.commandText), platform: change.platform, workspace: change.workspace,
            channel: change.channel, user: change.user, replyURL: change.replyURL, requestID: change.requestID
        )
        var fresh: ChatMessage
        if change.kind == .edit, change.items.count == 1,
            case .success(var command) = CommandParser.parse(
                change.commandText)
        {
            command.task = TaskReference(.id(change.items[0].taskID), typed: change.items[0].taskID)
            let zone = TimeZone(identifier: change.zone) ?? TimeZone(identifier: "UTC")!
            let messages = Messages(now: clock.now(), zone: zone)
            do {
                let task = try await client.getTask(id: change.items[0].taskID, requestID: change.requestID)
                fresh = try preview(
                    command, text: change.commandText, task: task, event: event, messages: messages, zone: zone)
            } catch let error as TasksAPIError {
                fresh = ChatMessage(title: error.userMessage)
            } catch {
                fresh = ChatMessage(title: "The task changed since the preview; run the command again.")
            }
        } else {
            fresh = ChatMessage(
                title: "A task changed since the preview, so nothing was changed. Run the command again.")
        }
        fresh.lines.insert("The task changed after your preview, so I did not apply it. Here is a fresh one.", at: 0)
        fresh.replacesOriginal = true
        return fresh
    }
}
