import Foundation

/// One applied change of one task, kept for history, undo and `taskbot audit`.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var platform: String
    public var workspace: String
    /// Who changed it; `taskbot` for changes the bot made by itself (a snooze that ended).
    public var user: String
    public var taskID: String
    public var taskTitle: String
    public var before: TaskFields
    public var after: TaskFields
    public var requestID: String
    /// The pending change this entry belongs to; one id for every task of a bulk change.
    public var batchID: String
    /// For an entry made by an undo: the batch it reverted.
    public var revertsBatch: String?

    public init(
        id: Int64 = 0, at: Date, platform: String, workspace: String, user: String, taskID: String,
        taskTitle: String, before: TaskFields, after: TaskFields, requestID: String, batchID: String,
        revertsBatch: String? = nil
    ) {
        self.id = id
        self.at = at
        self.platform = platform
        self.workspace = workspace
        self.user = user
        self.taskID = taskID
        self.taskTitle = taskTitle
        self.before = before
        self.after = after
        self.requestID = requestID
        self.batchID = batchID
        self.revertsBatch = revertsBatch
    }
}

/// A reply waiting to be delivered to a platform's reply URL.
public struct OutboundReply: Sendable, Equatable {
    public var id: Int64
    /// The pending change it reports on, if any.
    public var pendingID: String?
    public var platform: String
    /// Where to POST it. A bearer capability: never logged.
    public var url: String
    /// The platform's JSON body, already rendered.
    public var body: String
    public var attempts: Int
    public var nextAttemptAt: Date
    /// After this the URL is no longer valid (Slack: 30 minutes after the interaction).
    public var giveUpAt: Date
    public var requestID: String

    public init(
        id: Int64 = 0, pendingID: String?, platform: String, url: String, body: String, attempts: Int = 0,
        nextAttemptAt: Date, giveUpAt: Date, requestID: String
    ) {
        self.id = id
        self.pendingID = pendingID
        self.platform = platform
        self.url = url
        self.body = body
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.giveUpAt = giveUpAt
        self.requestID = requestID
    }
}

/// A durable timer that resumes a snoozed task.
public struct SnoozeTimer: Sendable, Equatable {
    public var taskID: String
    public var taskTitle: String
    public var resumeAt: Date
    public var platform: String
    public var workspace: String
    public var channel: String
    public var user: String
    /// The pending change that paused the task.
    public var batchID: String

    public init(
        taskID: String, taskTitle: String, resumeAt: Date, platform: String, workspace: String, channel: String,
        user: String, batchID: String
    ) {
        self.taskID = taskID
        self.taskTitle = taskTitle
        self.resumeAt = resumeAt
        self.platform = platform
        self.workspace = workspace
        self.channel = channel
        self.user = user
        self.batchID = batchID
    }
}
