import ChatKit
import Commands
import Foundation
import TasksAPI

extension Conversation {
    /// pause, resume, move, rename, set prompt: plan the change and preview it.
    func change(_ command: Command, text: String, event: InboundEvent, messages: Messages, zone: TimeZone)
        async throws -> ChatMessage
    {
        if case .all(let artist) = command.task?.kind {
            return try await bulk(command, artist: artist, text: text, event: event, messages: messages, zone: zone)
        }
        let task: TaskRecord
        switch try await resolveOne(command, text: text, event: event, messages: messages) {
        case .task(let found): task = found
        case .answer(let message): return message
        }
        return try preview(command, text: text, task: task, event: event, messages: messages, zone: zone)
    }

    /// Plans `command` on `task` and stores and previews the result.
    func preview(
        _ command: Command, text: String, task: TaskRecord, event: InboundEvent, messages: Messages, zone: TimeZone
    ) throws -> ChatMessage {
        let planner = ChangePlanner(now: messages.now, userZone: zone, snoozeLimits: configuration.snoozeLimits)
        switch planner.plan(command.edit, verb: command.verb, for: task) {
        case .failure(let refusal):
            return ChatMessage(title: refusal.message)
        case .success(let plan):
            return try propose(
                [plan.item], kind: .edit, resumeAt: plan.resumeAt, text: text, event: event, messages: messages,
                tasks: [task.id: task]
            )
        }
    }

    /// Stores a previewed change and returns its preview.
    func propose(
        _ items: [ChangeItem], kind: PendingChange.Kind, resumeAt: Date?, undoes: String? = nil, text: String,
        event: InboundEvent, messages: Messages, tasks: [String: TaskRecord]
    ) throws -> ChatMessage {
        let change = PendingChange(
            id: Identifiers.changeID(), code: Identifiers.confirmationCode(), kind: kind, platform: event.platform,
            workspace: event.workspace, channel: event.channel, user: event.user, commandText: text, items: items,
            resumeAt: resumeAt, undoes: undoes, replyURL: event.replyURL, zone: messages.zone.identifier,
            requestID: event.requestID, createdAt: messages.now,
            expiresAt: messages.now.addingTimeInterval(configuration.previewLifetime)
        )
        try store.insert(change)
        logger.info(
            "change previewed",
            [
                "request_id": event.requestID, "change_id": change.id,
                "tasks": items.map(\.taskID).joined(separator: ","),
            ]
        )
        return messages.preview(change, tasks: tasks)
    }

    /// `pause all`, `pause all for artist <id>`, `resume all`.
    private func bulk(
        _ command: Command, artist: String?, text: String, event: InboundEvent, messages: Messages, zone: TimeZone
    ) async throws -> ChatMessage {
        guard let enabled = command.edit.enabled, command.edit.schedule == nil, command.edit.title == nil,
            command.edit.prompt == nil
        else {
            return ChatMessage(
                title: "`all` works with `pause` and `resume` only; change schedules one task at a time.")
        }
        let all: [TaskRecord]
        if let artist {
            all = try await client.listTasks(artistAccountID: artist, requestID: event.requestID)
        } else {
            all = try await resolver.visibleTasks(requestID: event.requestID)
        }
        let affected = all.filter { $0.isEnabled != enabled || command.edit.snooze != nil }
        guard !affected.isEmpty else {
            let scope = artist.map { " of artist \($0)" } ?? ""
            let state = enabled ? "running" : "paused"
            return ChatMessage(title: "All \(all.count) tasks\(scope) are already \(state). Nothing to change.")
        }
        let planner = ChangePlanner(now: messages.now, userZone: zone, snoozeLimits: configuration.snoozeLimits)
        var items: [ChangeItem] = []
        var resumeAt: Date?
        for task in affected {
            switch planner.plan(command.edit, verb: command.verb, for: task) {
            case .success(let plan):
                items.append(plan.item)
                resumeAt = plan.resumeAt
            case .failure(let refusal):
                return ChatMessage(title: refusal.message)
            }
        }
        let byID = Dictionary(affected.map { ($0.id, $0) }) { first, _ in first }
        return try propose(
            items, kind: .bulk, resumeAt: resumeAt, text: text, event: event, messages: messages, tasks: byID)
    }

    /// `undo`: offer to revert the user's last applied batch, unless a task changed since.
    func undo(event: InboundEvent, messages: Messages, zone: TimeZone) async throws -> ChatMessage {
        let entries = try store.lastUndoableBatch(user: event.user, workspace: event.workspace)
        guard let batch = entries.first?.batchID else {
            return ChatMessage(title: "You have no change to undo. See what changed with `/tasks history <task>`.")
        }
        var items: [ChangeItem] = []
        var tasks: [String: TaskRecord] = [:]
        for entry in entries {
            let task: TaskRecord
            do {
                task = try await client.getTask(id: entry.taskID, requestID: event.requestID)
            } catch TasksAPIError.notFound {
                return ChatMessage(
                    title:
                        "“\(entry.taskTitle)” (\(entry.taskID.prefix(8))) no longer exists, so I can't undo that change."
                )
            }
            let current = Conversation.fields(of: task).restricted(to: entry.after)
            guard current == entry.after else {
                return ChatMessage(
                    title: "\(Messages.label(task.title, task.id)) changed since your last change, so I won't undo it.",
                    lines: [
                        "Undo would overwrite the newer change. Nothing was changed.",
                        "See who changed what with `/tasks history \(task.id.prefix(8))`.",
                    ]
                )
            }
            tasks[task.id] = task
            items.append(ChangeItem(taskID: task.id, title: task.title, before: entry.after, after: entry.before))
        }
        return try propose(
            items, kind: .undo, resumeAt: nil, undoes: batch, text: "undo", event: event, messages: messages,
            tasks: tasks)
    }

    /// `confirm K7Q2` / `cancel K7Q2` typed instead of pressing a button.
    func typedDecision(_ command: Command, event: InboundEvent) async throws -> ChatMessage? {
        guard let code = command.argument, let change = try store.pendingChange(code: code, workspace: event.workspace)
        else {
            return ChatMessage(
                title: "No preview has the code “\(command.argument ?? "")”. Check the code in the preview.")
        }
        let actionID = command.verb == .confirm ? "confirm" : "cancel"
        let reply = try await action(actionID, value: change.id, event: event)
        return reply ?? ChatMessage(title: "Confirmed. I'm applying the change and will report here.")
    }

    /// The values of the fields a change can touch, as the API holds them now.
    static func fields(of task: TaskRecord) -> TaskFields {
        TaskFields(
            title: task.title, prompt: task.prompt, schedule: task.schedule, enabled: task.isEnabled,
            timezone: task.timezone ?? "UTC"
        )
    }
}
