import Foundation
import HTTPServer
import Support
import TasksAPI

/// A local stand-in for the tasks API: the same endpoints, bodies, status codes and error shapes,
/// backed by its own SQLite file, plus loopback-only fault injection and request statistics.
///
/// The bot runs against it when no API key is configured, and the tests drive the client against it
/// over real HTTP. Register its routes on a `Router` and serve that router with `HTTPServer`.
public final class LocalTasksAPI: Sendable {
    /// The next runs of a cron read in a zone, after an instant; the schedule engine provides it.
    public typealias UpcomingRuns = @Sendable (_ schedule: String, _ zone: TimeZone, _ after: Date) -> [Date]

    /// Who may call and what they may touch.
    public struct Configuration: Sendable {
        /// The only credential accepted, as `x-api-key` or `Authorization: Bearer`.
        public var apiKey: String
        /// The account the key belongs to: its tasks are listed by default.
        public var accountID: String
        /// Other accounts the key may access (organization members); `accountID` is always included.
        public var sharedAccountIDs: Set<String>
        /// Fills `upcoming` in answers. Default: the next 3 runs from the schedule engine.
        public var upcoming: UpcomingRuns
        /// "Now" for `upcoming` and timestamps.
        public var clock: WallClock

        /// A configuration for `apiKey`, owned by the demo account unless told otherwise.
        public init(
            apiKey: String, accountID: String = SeedData.demoAccountID, sharedAccountIDs: Set<String> = [],
            upcoming: @escaping UpcomingRuns = LocalTasksAPI.scheduleEngine, clock: WallClock = .system
        ) {
            self.apiKey = apiKey
            self.accountID = accountID
            self.sharedAccountIDs = sharedAccountIDs
            self.upcoming = upcoming
            self.clock = clock
        }

        /// Every account the key may access.
        var accessibleAccountIDs: Set<String> { sharedAccountIDs.union([accountID]) }
    }

    /// The database file name inside the state directory.
    public static let databaseFileName = "tasks-api.sqlite"

    let configuration: Configuration
    let store: TaskStore
    let traffic = TrafficControl()
    let logger: Logger

    /// Opens (creating if needed) `stateDirectory/tasks-api.sqlite`.
    public init(stateDirectory: String, configuration: Configuration, logger: Logger = .disabled) throws {
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        store = try TaskStore(path: "\(stateDirectory)/\(Self.databaseFileName)")
        self.configuration = configuration
        self.logger = logger
    }

    /// Loads the demo tasks and their runs that are not there yet; answers how many tasks were added.
    @discardableResult
    public func seed() throws -> Int {
        let now = configuration.clock.now()
        return try store.seed(SeedData.tasks, runs: SeedData.runs(before: now), at: now)
    }

    /// Adds `GET/PATCH/POST/DELETE /api/tasks`, `GET /api/tasks/runs`, and the loopback-only
    /// `POST /_admin/faults`, `GET /_admin/stats` and `GET /_admin/requests`.
    public func register(on router: inout Router) {
        router.add("GET", "/api/tasks") { [self] in await api($0, listTasks) }
        router.add("PATCH", "/api/tasks") { [self] in await api($0, updateTask) }
        router.add("POST", "/api/tasks") { [self] in await api($0, createTask) }
        router.add("DELETE", "/api/tasks") { [self] in await api($0, deleteTask) }
        router.add("GET", "/api/tasks/runs") { [self] in await api($0, listRuns) }
        router.add("POST", "/_admin/faults") { [self] in admin($0, setFault) }
        router.add("GET", "/_admin/stats") { [self] in admin($0, stats) }
        router.add("GET", "/_admin/requests") { [self] in admin($0, recentRequests) }
    }

    /// Runs an API handler: count the call, apply an injected fault, check the credential, then answer.
    private func api(
        _ request: HTTPRequest, _ handler: (HTTPRequest, String) throws -> HTTPResponse
    ) async -> HTTPResponse {
        record(request)
        if let fault = traffic.takeFault() {
            if fault.delay > .zero { try? await Task.sleep(for: fault.delay) }
            if let status = fault.status { return Self.faultResponse(status: status, retryAfter: fault.retryAfter) }
        }
        do {
            return try handler(request, try authenticate(request))
        } catch let failure as APIFailure {
            return failure.response
        } catch {
            logger.error("local tasks API failed", ["error": "\(error)", "request_id": request.requestID])
            return APIFailure(status: 500, message: "Internal server error").response
        }
    }

    /// Runs an admin handler for loopback peers only; anyone else gets the router's 404.
    private func admin(_ request: HTTPRequest, _ handler: (HTTPRequest) throws(APIFailure) -> HTTPResponse)
        -> HTTPResponse
    {
        guard Self.isLoopback(request.remoteAddress) else { return RouteMiss.notFound.response }
        record(request)
        do {
            return try handler(request)
        } catch {
            return error.response
        }
    }

    private func record(_ request: HTTPRequest) {
        traffic.record(
            TrafficControl.Received(
                method: request.method, path: request.path, requestID: request.headers["X-Request-Id"],
                auth: Self.credentialKind(request.headers),
                body: request.body.isEmpty
                    ? nil : String(decoding: request.body.prefix(TrafficControl.keptBodyBytes), as: UTF8.self)))
    }

    private static func faultResponse(status: Int, retryAfter: String?) -> HTTPResponse {
        var response = APIFailure(status: status, message: "Injected fault").response
        if let retryAfter { response.headers.add("Retry-After", retryAfter) }
        return response
    }

    /// True for `127.x.x.x:port`, `[::1]:port` and the bare forms.
    static func isLoopback(_ address: String) -> Bool {
        if address.hasPrefix("127.") { return true }
        return address == "::1" || address.hasPrefix("[::1]")
    }
}
