import Commands
import Foundation
import Support
import TasksAPI

/// Finds the task a reference names among the tasks the API key can see. The list is cached briefly so
/// that resolving a prefix does not cost an API call per command.
actor TaskResolver {
    /// What a reference turned out to name.
    enum Resolution: Sendable {
        case one(TaskRecord)
        case many([TaskRecord])
        /// Nothing matched; the sentence to show.
        case none(String)
    }

    private let client: TasksAPIClient
    private let clock: WallClock
    private let lifetime: TimeInterval
    private var cache: (at: Date, tasks: [TaskRecord])?

    init(client: TasksAPIClient, clock: WallClock, lifetime: TimeInterval) {
        self.client = client
        self.clock = clock
        self.lifetime = lifetime
    }

    /// Every task the key can see, from the cache when it is fresh.
    func visibleTasks(requestID: String) async throws -> [TaskRecord] {
        let now = clock.now()
        if let cache, now.timeIntervalSince(cache.at) < lifetime { return cache.tasks }
        let tasks = try await client.listTasks(requestID: requestID)
        cache = (now, tasks)
        return tasks
    }

    /// Forgets the cached list, after a change or when a reference finds nothing.
    func invalidate() { cache = nil }

    func resolve(_ reference: TaskReference, lastTask: String?, requestID: String) async throws -> Resolution {
        switch reference.kind {
        case .id(let id):
            return try await byID(id, typed: reference.typed, requestID: requestID)
        case .lastTouched:
            guard let lastTask else {
                return .none(
                    "I don't know which task “\(reference.typed)” means yet. Name it once by id or title, "
                        + "for example `/tasks show aade`."
                )
            }
            return try await byID(lastTask, typed: reference.typed, requestID: requestID)
        case .prefix(let prefix):
            return try await matching(reference.typed, requestID: requestID) { $0.id.lowercased().hasPrefix(prefix) }
        case .title(let words):
            return try await byTitle(words, typed: reference.typed, requestID: requestID)
        case .all:
            return .none("`all` names many tasks; this command takes one.")
        }
    }

    private func byID(_ id: String, typed: String, requestID: String) async throws -> Resolution {
        do {
            return .one(try await client.getTask(id: id, requestID: requestID))
        } catch TasksAPIError.notFound {
            return .none(TaskResolver.noMatch(typed))
        }
    }

    private func byTitle(_ words: String, typed: String, requestID: String) async throws -> Resolution {
        let wanted = words.lowercased()
        let exact = try await visibleTasks(requestID: requestID).filter { $0.title.lowercased() == wanted }
        if exact.count == 1 { return .one(exact[0]) }
        let parts = wanted.split(whereSeparator: \.isWhitespace)
        return try await matching(typed, requestID: requestID) { task in
            let title = task.title.lowercased()
            return parts.allSatisfy { title.contains($0) }
        }
    }

    private func matching(
        _ typed: String, requestID: String, _ predicate: (TaskRecord) -> Bool
    ) async throws -> Resolution {
        var found = try await visibleTasks(requestID: requestID).filter(predicate)
        if found.isEmpty, cache != nil {
            // A task created in the last few seconds is not in the cached list yet.
            invalidate()
            found = try await visibleTasks(requestID: requestID).filter(predicate)
        }
        switch found.count {
        case 0: return .none(TaskResolver.noMatch(typed))
        case 1: return .one(found[0])
        default: return .many(found.sorted { $0.id < $1.id })
        }
    }

    static func noMatch(_ typed: String) -> String {
        "No task matches “\(typed)”. See your tasks with `/tasks list`."
    }
}
