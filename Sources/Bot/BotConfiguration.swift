import Foundation

/// The bot's tunables, each with its unit and default.
public struct BotConfiguration: Sendable {
    /// How long a preview can be confirmed. Default 15 minutes; Slack's response URL lives 30.
    public var previewLifetime: TimeInterval = 15 * 60
    /// How long a webhook may wait for its answer before the bot acknowledges with "working on it" and
    /// delivers the answer through the reply URL. Default 1.5 s, well inside Slack's 3 s.
    public var acknowledgementBudget: TimeInterval = 1.5
    /// How long a confirmed change keeps being retried while the tasks API is unavailable. Default 10 minutes.
    public var applyRetryWindow: TimeInterval = 10 * 60
    /// Backoff between attempts to apply a change: first delay and cap, in seconds.
    public var applyBackoff: (first: TimeInterval, cap: TimeInterval) = (1, 30)
    /// How long the list of visible tasks is reused to resolve id prefixes and titles. Default 30 s.
    public var taskListCacheLifetime: TimeInterval = 30
    /// Tasks per `list` message. Default 10.
    public var listPageSize = 10
    /// Candidates shown when a reference matches several tasks. Default 5.
    public var maximumCandidates = 5
    /// Zone used when a user has none saved and the platform gives none. Default UTC.
    public var defaultZone = "UTC"
    /// Workspaces allowed to use the bot; empty allows all.
    public var allowedWorkspaces: Set<String> = []
    /// How often the worker looks for due work when nothing wakes it. Default 0.5 s.
    public var workerInterval: TimeInterval = 0.5
    /// Shortest and longest snooze accepted. Defaults 1 minute and 30 days.
    public var snoozeLimits: ClosedRange<TimeInterval> = 60...(30 * 24 * 3600)
    /// How long finished changes and delivered replies are kept. Default 7 days.
    public var retention: TimeInterval = 7 * 24 * 3600

    public init() {}
}
