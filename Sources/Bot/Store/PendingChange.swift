import Foundation

/// A change shown in a preview and waiting for, or past, its confirmation. It lives in the store so that
/// a confirmed change survives a crash between the click and the PATCH.
public struct PendingChange: Sendable, Equatable {
    /// Where a pending change is in its life.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Shown to the user; waiting for Confirm or Cancel.
        case previewed
        /// Confirmed and committed; the worker will apply it.
        case claimed
        /// Every item was applied (or, for a bulk change, attempted and reported).
        case applied
        /// Could not be applied; the user was told why.
        case failed
        case cancelled
        /// Not confirmed in time.
        case expired
        /// The task changed between preview and confirmation; a fresh preview replaced this one.
        case superseded
    }

    /// What kind of change this is, which decides how it is described and undone.
    public enum Kind: String, Sendable, Codable {
        case edit, bulk, undo
    }

    /// Opaque random id; it is the value of the Confirm button.
    public var id: String
    /// A short code for typed confirmation (`/tasks confirm K7Q2`) on platforms without buttons.
    public var code: String
    public var kind: Kind
    public var platform: String
    public var workspace: String
    public var channel: String
    /// The user who asked; only they may confirm.
    public var user: String
    /// The command as typed, to rebuild the preview when the task changed meanwhile.
    public var commandText: String
    public var items: [ChangeItem]
    /// For a snooze: when the tasks resume by themselves.
    public var resumeAt: Date?
    /// For an undo: the batch id of the audit entries it reverts.
    public var undoes: String?
    /// Slack's `response_url` of the preview. A bearer capability: never logged.
    public var replyURL: String?
    /// The zone times are shown in for this user.
    public var zone: String
    public var requestID: String
    public var createdAt: Date
    public var expiresAt: Date
    public var state: State
    /// Why it failed, in the words the user read.
    public var stateReason: String?
    public var claimedAt: Date?
    /// Attempts of the worker so far, and when it may try again.
    public var attempts: Int
    public var nextAttemptAt: Date?
    /// Whether the user was already told that the tasks API is slow and the change is still pending.
    public var toldPending: Bool

    public init(
        id: String, code: String, kind: Kind, platform: String, workspace: String, channel: String, user: String,
        commandText: String, items: [ChangeItem], resumeAt: Date? = nil, undoes: String? = nil, replyURL: String?,
        zone: String, requestID: String, createdAt: Date, expiresAt: Date, state: State = .previewed
    ) {
        self.id = id
        self.code = code
        self.kind = kind
        self.platform = platform
        self.workspace = workspace
        self.channel = channel
        self.user = user
        self.commandText = commandText
        self.items = items
        self.resumeAt = resumeAt
        self.undoes = undoes
        self.replyURL = replyURL
        self.zone = zone
        self.requestID = requestID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.state = state
        self.stateReason = nil
        self.claimedAt = nil
        self.attempts = 0
        self.nextAttemptAt = nil
        self.toldPending = false
    }
}

/// The change to one task within a pending change.
public struct ChangeItem: Sendable, Equatable, Codable {
    public var taskID: String
    public var title: String
    /// The changed fields as they were when the preview was made.
    public var before: TaskFields
    /// The same fields as the change sets them.
    public var after: TaskFields
    /// Set by the worker: nil until attempted, then "applied" or the failure sentence.
    public var outcome: String?
    /// Set by the worker and committed before it sends the PATCH, so that after a crash a task found with
    /// the new values is known to have been changed by this PATCH rather than by someone else.
    public var patchSent: Bool?

    public init(taskID: String, title: String, before: TaskFields, after: TaskFields, outcome: String? = nil) {
        self.taskID = taskID
        self.title = title
        self.before = before
        self.after = after
        self.outcome = outcome
    }

    /// True once the worker applied this item.
    public var isApplied: Bool { outcome == ChangeItem.appliedOutcome }

    static let appliedOutcome = "applied"
    static let alreadySetOutcome = "It already had these values, so there was nothing to change."
}
