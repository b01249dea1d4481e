import ChatKit
import Foundation
import HTTPServer
import Slack
import Support
import Synchronization
import TasksAPI

/// The assembled bot: store, conversation, worker and the Slack endpoints, ready to hang on a router.
public final class BotService: Sendable {
    public let store: SQLiteBotStore
    public let conversation: Conversation
    public let worker: Worker
    public let metrics: Metrics
    let endpoints: SlackEndpoints
    let readiness: Readiness
    let botMetrics: BotMetrics
    let logger: Logger
    private let workerTask = Mutex<Task<Void, Never>?>(nil)

    /// Opens the store in the state directory and builds every part. `tasksAPI` must be set: the caller
    /// starts the local tasks API first when no real one is configured.
    public init(
        settings: BotSettings, signingSecret: String, tasksAPI: TasksAPIConfiguration, logger: Logger,
        metrics: Metrics = Metrics(), clock: WallClock = .system
    ) throws {
        try FileManager.default.createDirectory(atPath: settings.stateDirectory, withIntermediateDirectories: true)
        store = try SQLiteBotStore(path: AuditReport.storePath(stateDirectory: settings.stateDirectory))
        self.metrics = metrics
        self.logger = logger
        let botMetrics = BotMetrics(metrics)
        self.botMetrics = botMetrics
        var tasksAPI = tasksAPI
        tasksAPI.observer = { botMetrics.observe($0) }
        let client = TasksAPIClient(configuration: tasksAPI, logger: logger)
        let renderer = SlackRenderer()
        let policy = settings.responseURLHosts.map { ResponseURLPolicy(allowedHosts: $0) } ?? ResponseURLPolicy()
        let slack = SlackPlatform(
            renderer: renderer, sender: SlackReplySender(policy: policy, renderer: renderer, logger: logger),
            webAPI: settings.slackBotToken.map { SlackWebAPI(token: $0, baseURL: settings.slackAPIBaseURL) },
            logger: logger
        )
        var profileZone: (@Sendable (String) async -> String?)?
        if slack.webAPI != nil {
            profileZone = { user in await slack.profileZone(user: user) }
        }
        let defaultZone = TimeZone(identifier: settings.bot.defaultZone) ?? TimeZone(identifier: "UTC")!
        let zones = ZoneResolver(store: store, defaultZone: defaultZone, clock: clock, profileZone: profileZone)
        let wake = WakeRelay()
        conversation = Conversation(
            store: store, client: client, zones: zones, platforms: ["slack": slack], clock: clock,
            configuration: settings.bot, logger: logger, wakeWorker: { wake.fire() }
        )
        let worker = Worker(conversation: conversation, retries: botMetrics.workerRetries)
        self.worker = worker
        wake.target.withLock { $0 = worker }
        endpoints = SlackEndpoints(
            verifier: SlackSignatureVerifier(signingSecret: signingSecret, clock: clock), conversation: conversation,
            worker: worker, platform: slack, allowedWorkspaces: settings.bot.allowedWorkspaces,
            budget: settings.bot.acknowledgementBudget, metrics: botMetrics, logger: logger
        )
        readiness = Readiness(store: store, tasksAPI: tasksAPI, clock: clock)
        registerGauges()
    }

    /// Adds the Slack endpoints, `/readyz` and `/metrics` to `router`.
    public func register(on router: inout Router) {
        endpoints.register(on: &router)
        router.add("GET", "/readyz") { [readiness] _ in await readiness.response() }
        router.add("GET", "/metrics") { [metrics] _ in
            .text(200, metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }

    /// Counts a request the listener answered; hand this to `ServerConfiguration.requestObserver`.
    public func observe(_ request: RequestSummary) { botMetrics.observe(request) }

    /// Starts the background worker.
    public func start() {
        workerTask.withLock { task in
            guard task == nil else { return }
            // The worker's store calls block; keep them off the cooperative pool.
            task = Task(executorPreference: BlockingWorkExecutor.shared) { [worker] in await worker.run() }
        }
    }

    /// Stops the worker after its current round.
    public func stop() async {
        let task = workerTask.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        worker.poke()
        await task?.value
    }

    private func registerGauges() {
        let store = self.store
        metrics.gauge("taskbot_pending_changes", help: "Pending changes in the store by state.") {
            let counts = (try? store.counts()) ?? StoreCounts(pendingByState: [:], repliesWaiting: 0)
            return PendingChange.State.allCases.map { (["state": $0.rawValue], Double(counts.pendingByState[$0] ?? 0)) }
        }
        metrics.gauge("taskbot_replies_waiting", help: "Replies waiting to be delivered.") {
            [([:], Double((try? store.counts().repliesWaiting) ?? 0))]
        }
    }
}

/// Lets the conversation wake a worker that is created after it.
final class WakeRelay: Sendable {
    let target = Mutex<Worker?>(nil)

    func fire() { target.withLock { $0 }?.poke() }
}
