import ChatKit
import Foundation
import Support
import Synchronization
import TasksAPI

/// Works through what the store holds: applies claimed changes, delivers replies, resumes snoozed
/// tasks and cleans up. Everything it needs is in the store, so after a crash it simply carries on.
public final class Worker: Sendable {
    let store: BotStore
    let client: TasksAPIClient
    let conversation: Conversation
    let platforms: [String: PlatformReplies]
    let clock: WallClock
    let configuration: BotConfiguration
    let logger: Logger
    private let wakeup = Wakeup()
    /// When a failing snooze timer may be tried again, by task id.
    private let snoozeRetry = Mutex<[String: Date]>([:])
    private let lastCleanUp = Mutex<Date>(.distantPast)
    /// Changes being applied right now, so that two rounds never work on the same one.
    private let inFlight = Mutex<Set<String>>([])

    /// Counts attempts that must be retried; nil when nobody counts.
    let retries: Counter?

    init(conversation: Conversation, retries: Counter? = nil) {
        self.conversation = conversation
        self.retries = retries
        self.store = conversation.store
        self.client = conversation.client
        self.platforms = conversation.platforms
        self.clock = conversation.clock
        self.configuration = conversation.configuration
        self.logger = conversation.logger
    }

    /// Starts the next round at once instead of at the next interval.
    public func poke() { wakeup.signal() }

    /// Runs rounds until the surrounding task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await runOnce()
            await wakeup.wait(timeout: configuration.workerInterval)
        }
    }

    /// One round: everything that is due now.
    public func runOnce() async {
        let now = clock.now()
        do {
            let changes = try store.claimedChanges(dueBy: now).filter(claimForRound)
            await withTaskGroup(of: Void.self) { group in
                for change in changes {
                    group.addTask { [self] in
                        await self.apply(change)
                        _ = self.inFlight.withLock { $0.remove(change.id) }
                    }
                }
            }
            try await deliverReplies(now: clock.now())
            try await resumeSnoozes(now: clock.now())
            try cleanUpIfDue(now: now)
        } catch {
            logger.error("worker round failed", ["error": "\(error)"])
        }
    }

    func snoozeRetryDate(_ taskID: String) -> Date? { snoozeRetry.withLock { $0[taskID] } }

    func setSnoozeRetry(_ taskID: String, _ date: Date?) { snoozeRetry.withLock { $0[taskID] = date } }

    private func claimForRound(_ change: PendingChange) -> Bool {
        inFlight.withLock { $0.insert(change.id).inserted }
    }

    private func cleanUpIfDue(now: Date) throws {
        let due = lastCleanUp.withLock { last -> Bool in
            guard now.timeIntervalSince(last) >= 60 else { return false }
            last = now
            return true
        }
        if due { try store.cleanUp(now: now, retention: configuration.retention) }
    }

    /// Delay before attempt `attempt` (1-based): doubling from the first delay up to the cap, with jitter.
    func backoff(attempt: Int) -> TimeInterval {
        let (first, cap) = configuration.applyBackoff
        let base = min(cap, first * pow(2, Double(max(attempt - 1, 0))))
        return base / 2 + Double.random(in: 0...(base / 2))
    }

    /// The reply to queue for a change's reply URL, or nil when it has none.
    func reply(_ message: ChatMessage, for change: PendingChange) -> OutboundReply? {
        guard let url = change.replyURL, let platform = platforms[change.platform] else { return nil }
        let issued = change.claimedAt ?? change.createdAt
        return OutboundReply(
            pendingID: change.id, platform: change.platform, url: url, body: platform.replyBody(message),
            nextAttemptAt: clock.now(), giveUpAt: issued.addingTimeInterval(platform.replyURLLifetime),
            requestID: change.requestID
        )
    }

    private func deliverReplies(now: Date) async throws {
        let batch = 64
        let due = try store.dueReplies(now: now, limit: batch)
        // A full batch may leave more replies due: start the next round at once instead of after the interval.
        if due.count == batch { wakeup.signal() }
        await withTaskGroup(of: Void.self) { group in
            for reply in due {
                group.addTask { [self] in await self.deliver(reply, now: now) }
            }
        }
    }

    private func deliver(_ reply: OutboundReply, now: Date) async {
        guard let platform = platforms[reply.platform] else {
            try? store.dropReply(id: reply.id)
            return
        }
        let outcome = await platform.deliver(reply.body, to: reply.url, requestID: reply.requestID)
        let fields = ["request_id": reply.requestID, "reply_id": "\(reply.id)", "attempt": "\(reply.attempts + 1)"]
        switch outcome {
        case .delivered:
            logger.debug("reply delivered", fields)
            try? store.replyDelivered(id: reply.id)
        case .rejected(let reason):
            logger.warning("reply rejected by the platform", fields.merging(["reason": reason]) { a, _ in a })
            try? store.dropReply(id: reply.id)
        case .retryLater:
            let next = clock.now().addingTimeInterval(backoff(attempt: reply.attempts + 1))
            if next >= reply.giveUpAt {
                logger.warning("reply abandoned: its URL expires before the next attempt", fields)
                try? store.dropReply(id: reply.id)
            } else {
                try? store.replyFailed(id: reply.id, nextAttemptAt: next)
            }
        }
    }
}
