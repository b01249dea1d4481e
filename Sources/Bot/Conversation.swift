import ChatKit
import Commands
import Foundation
import Schedule
import Support
import TasksAPI

/// The only place that orders the steps of a chat exchange: parse, resolve the task, plan the change,
/// store it and preview it; on a click, check who and when and claim it exactly once. Applying claimed
/// changes is the `Worker`'s job.
public final class Conversation: Sendable {
    let store: BotStore
    let client: TasksAPIClient
    let resolver: TaskResolver
    let zones: ZoneResolver
    let platforms: [String: PlatformReplies]
    let clock: WallClock
    let configuration: BotConfiguration
    let logger: Logger
    /// Tells the worker that a change was claimed, so it does not wait for its next round.
    let wakeWorker: @Sendable () -> Void

    init(
        store: BotStore, client: TasksAPIClient, zones: ZoneResolver, platforms: [String: PlatformReplies],
        clock: WallClock, configuration: BotConfiguration, logger: Logger, wakeWorker: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.client = client
        self.resolver = TaskResolver(client: client, clock: clock, lifetime: configuration.taskListCacheLifetime)
        self.zones = zones
        self.platforms = platforms
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        self.wakeWorker = wakeWorker
    }

    /// Answers one verified event. The result is the reply to show; nil means there is nothing to say
    /// (a confirmed change, whose result the worker reports).
    public func respond(to event: InboundEvent) async -> ChatMessage? {
        do {
            switch event.kind {
            case .command(let text):
                return try await command(text, event: event)
            case .action(let actionID, let value):
                return try await action(actionID, value: value, event: event)
            }
        } catch let error as TasksAPIError {
            logger.warning("tasks API call failed", ["request_id": event.requestID, "error": "\(error)"])
            return ChatMessage(title: error.userMessage)
        } catch {
            logger.error("conversation failed", ["request_id": event.requestID, "error": "\(error)"])
            return ChatMessage(
                title: "Something went wrong on my side, and nothing was changed.",
                lines: ["Try again in a moment; if it keeps happening, tell whoever runs taskbot."]
            )
        }
    }

    /// A command read from its text, or the answer when that needs neither the store nor the tasks API.
    public enum Reading: Sendable {
        case command(Command)
        /// `help` (or an empty command): the same message every time, `Conversation.help`.
        case help
        /// The parser's refusal with its "did you mean".
        case answer(ChatMessage)
    }

    /// The answer to `help`.
    public static let help = Messages.help()

    /// Reads `text` without I/O: cheap enough for an event loop.
    public func read(_ text: String) -> Reading {
        switch CommandParser.parse(text) {
        case .success(let command): command.verb == .help ? .help : .command(command)
        case .failure(let error): .answer(ChatMessage(title: error.message))
        }
    }

    func command(_ text: String, event: InboundEvent) async throws -> ChatMessage? {
        let command: Command
        switch read(text) {
        case .command(let parsed): command = parsed
        case .help: return Self.help
        case .answer(let message): return message
        }
        let zone = await zones.zone(workspace: event.workspace, user: event.user, named: command.edit.timezone)
        let messages = Messages(now: clock.now(), zone: zone)
        switch command.verb {
        case .help:
            return Self.help  // `read` answers it first
        case .list:
            return try await list(page: Int(command.argument ?? "") ?? 1, event: event, messages: messages)
        case .show, .history:
            return try await readOne(command, event: event, messages: messages)
        case .timezone:
            return try saveZone(command, event: event)
        case .undo:
            return try await undo(event: event, messages: messages, zone: zone)
        case .confirm, .cancel:
            return try await typedDecision(command, event: event)
        case .pause, .resume, .move, .rename, .setPrompt:
            return try await change(command, text: text, event: event, messages: messages, zone: zone)
        }
    }

    private func list(page: Int, event: InboundEvent, messages: Messages) async throws -> ChatMessage {
        let tasks = try await resolver.visibleTasks(requestID: event.requestID)
        let snoozes = Dictionary(try store.allSnoozes().map { ($0.taskID, $0) }) { first, _ in first }
        return messages.list(tasks, page: page, pageSize: configuration.listPageSize, snoozes: snoozes)
    }

    private func readOne(_ command: Command, event: InboundEvent, messages: Messages) async throws -> ChatMessage {
        let task: TaskRecord
        switch try await resolveOne(command, text: nil, event: event, messages: messages) {
        case .task(let found): task = found
        case .answer(let message): return message
        }
        if command.verb == .history {
            let entries = try store.history(taskID: task.id, limit: 10)
            return messages.history(entries, taskLabel: Messages.label(task.title, task.id))
        }
        return messages.show(task, snooze: try store.snooze(taskID: task.id))
    }

    private func saveZone(_ command: Command, event: InboundEvent) throws -> ChatMessage {
        guard let name = command.edit.timezone ?? command.argument, TimeZone(identifier: name) != nil else {
            return ChatMessage(
                title: "Which zone? Give an IANA name such as `Europe/Berlin` or `America/New_York`, "
                    + "or a common abbreviation such as `PT`."
            )
        }
        try store.setZone(name, workspace: event.workspace, user: event.user)
        return ChatMessage(title: "Saved. I'll show your times in \(name) from now on.")
    }

    /// A task, or the answer to give instead (no match, several matches, no reference).
    enum OneTask {
        case task(TaskRecord)
        case answer(ChatMessage)
    }

    /// Resolves the command's single task. With several matches it stores a selection whose buttons
    /// re-run `text` (when given) on the task picked.
    func resolveOne(_ command: Command, text: String?, event: InboundEvent, messages: Messages) async throws
        -> OneTask
    {
        guard let reference = command.task else {
            return .answer(
                ChatMessage(
                    title: "Which task? For example `/tasks \(command.verb.rawValue) aade`, or see `/tasks list`.")
            )
        }
        let last = try store.lastTask(workspace: event.workspace, channel: event.channel, user: event.user)
        switch try await resolver.resolve(reference, lastTask: last, requestID: event.requestID) {
        case .one(let task):
            try store.setLastTask(task.id, workspace: event.workspace, channel: event.channel, user: event.user)
            return .task(task)
        case .none(let sentence):
            return .answer(ChatMessage(title: sentence))
        case .many(let tasks):
            let selection = try storeSelection(text ?? command.verb.rawValue, event: event)
            return .answer(
                messages.candidates(
                    tasks, typed: reference.typed, selectionID: selection, maximum: configuration.maximumCandidates)
            )
        }
    }

    /// Remembers a command whose task is still to be picked; the pick buttons carry its id.
    private func storeSelection(_ text: String, event: InboundEvent) throws -> String {
        let now = clock.now()
        let selection = PendingChange(
            id: Identifiers.changeID(), code: Identifiers.confirmationCode(), kind: .edit, platform: event.platform,
            workspace: event.workspace, channel: event.channel, user: event.user, commandText: text, items: [],
            replyURL: event.replyURL, zone: "UTC", requestID: event.requestID, createdAt: now,
            expiresAt: now.addingTimeInterval(configuration.previewLifetime)
        )
        try store.insert(selection)
        return selection.id
    }
}
