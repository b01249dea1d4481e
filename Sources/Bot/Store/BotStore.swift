import Foundation

/// Everything the bot must remember across requests and restarts. SQLite implements it for one
/// replica; a shared database can implement the same protocol when several replicas run.
///
/// Methods that change more than one record do so atomically: the click on Confirm is acknowledged
/// only after `claim` has committed, and `complete` records the outcome, the audit entries, the reply
/// and the snooze timers of a change in one transaction.
public protocol BotStore: Sendable {
    func insert(_ change: PendingChange) throws
    func pendingChange(id: String) throws -> PendingChange?
    /// The previewed change with a typed confirmation code, in one workspace.
    func pendingChange(code: String, workspace: String) throws -> PendingChange?
    /// Atomically moves a previewed change to claimed when `user` asked for it and it has not expired;
    /// `replyURL`, when given, replaces the stored one (the click's URL can replace the preview).
    func claim(id: String, user: String, now: Date, replyURL: String?) throws -> ClaimOutcome
    /// Atomically moves a previewed change to cancelled when `user` asked for it.
    func cancel(id: String, user: String, now: Date) throws -> ClaimOutcome
    /// Saves the worker's progress on a change (state, attempts, outcomes).
    func update(_ change: PendingChange) throws
    /// Claimed changes whose next attempt is due.
    func claimedChanges(dueBy now: Date) throws -> [PendingChange]
    /// Records the end of a change in one transaction: its final state, audit entries, the reply to
    /// deliver, snooze timers to set, and tasks whose timers a manual resume cancels.
    func complete(
        _ change: PendingChange, audit: [AuditEntry], reply: OutboundReply?, snoozes: [SnoozeTimer],
        cancellingSnoozesOf: [String]
    ) throws

    func enqueue(_ reply: OutboundReply) throws
    func dueReplies(now: Date, limit: Int) throws -> [OutboundReply]
    func replyDelivered(id: Int64) throws
    func replyFailed(id: Int64, nextAttemptAt: Date) throws
    func dropReply(id: Int64) throws

    /// The last `limit` audit entries of a task, newest first.
    func history(taskID: String, limit: Int) throws -> [AuditEntry]
    /// Every audit entry of the newest batch `user` applied in `workspace` that was not undone yet.
    func lastUndoableBatch(user: String, workspace: String) throws -> [AuditEntry]
    /// Audit entries, oldest first, optionally of one task and from an instant on.
    func auditLog(taskID: String?, since: Date?) throws -> [AuditEntry]
    /// Records audit entries that no pending change carries (a snooze timer resuming a task).
    func appendAudit(_ entries: [AuditEntry]) throws

    func setLastTask(_ taskID: String, workspace: String, channel: String, user: String) throws
    func lastTask(workspace: String, channel: String, user: String) throws -> String?
    func setZone(_ zone: String, workspace: String, user: String) throws
    func zone(workspace: String, user: String) throws -> String?

    func snooze(taskID: String) throws -> SnoozeTimer?
    func dueSnoozes(now: Date) throws -> [SnoozeTimer]
    func allSnoozes() throws -> [SnoozeTimer]
    func removeSnooze(taskID: String) throws

    /// Marks previewed changes past their expiry as expired and deletes what is no longer needed:
    /// finished changes and delivered or abandoned replies older than `retention`.
    func cleanUp(now: Date, retention: TimeInterval) throws
    /// Writes a marker row, proving the store takes writes (for `/readyz`).
    func probeWrite(now: Date) throws
    /// Counts of pending changes by state and of replies waiting, for metrics.
    func counts() throws -> StoreCounts
}

/// The result of trying to claim or cancel a previewed change.
public enum ClaimOutcome: Sendable, Equatable {
    /// It was previewed and is now claimed (or cancelled); the change as stored after the transition.
    case done(PendingChange)
    case notFound
    /// Someone other than the requester pressed the button.
    case wrongUser(requester: String)
    case expired
    /// It already left the previewed state; the state it is in.
    case alreadyHandled(PendingChange.State)
}

/// Sizes of the store's queues.
public struct StoreCounts: Sendable, Equatable {
    public var pendingByState: [PendingChange.State: Int]
    public var repliesWaiting: Int

    public init(pendingByState: [PendingChange.State: Int], repliesWaiting: Int) {
        self.pendingByState = pendingByState
        self.repliesWaiting = repliesWaiting
    }
}
