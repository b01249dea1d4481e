import Foundation
import HTTPServer
import Support
import TasksAPI

/// `GET /readyz`: ready when the store takes a write and the tasks API answered within the last
/// `freshness` seconds (asking it with a short probe when it has not).
actor Readiness {
    private let store: BotStore
    private let probe: TasksAPIClient
    private let clock: WallClock
    private let freshness: TimeInterval = 30
    private var lastAnswer: Date?

    init(store: BotStore, tasksAPI: TasksAPIConfiguration, clock: WallClock) {
        self.store = store
        var quick = tasksAPI
        quick.requestTimeout = .seconds(2)
        quick.totalDeadline = .seconds(2)
        quick.maxAttempts = 1
        self.probe = TasksAPIClient(configuration: quick)
        self.clock = clock
    }

    func response() async -> HTTPResponse {
        var problems: [String] = []
        do {
            try store.probeWrite(now: clock.now())
        } catch {
            problems.append("store not writable: \(error)")
        }
        if let problem = await tasksAPIProblem() { problems.append(problem) }
        guard problems.isEmpty else {
            return .json(
                503, #"{"status":"not ready","problems":[\#(problems.map(JSONText.quote).joined(separator: ","))]}"#)
        }
        return .json(200, #"{"status":"ready"}"#)
    }

    private func tasksAPIProblem() async -> String? {
        let now = clock.now()
        if let lastAnswer, now.timeIntervalSince(lastAnswer) < freshness { return nil }
        do {
            _ = try await probe.getTask(id: "00000000-0000-4000-8000-000000000000", requestID: "readyz")
        } catch .notFound {
            // Answering "no such task" is answering.
        } catch {
            return "tasks API: \(error.userMessage)"
        }
        lastAnswer = now
        return nil
    }
}
