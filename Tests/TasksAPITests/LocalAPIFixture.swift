import Foundation
import HTTPServer
import LocalTasksAPI
import TasksAPI
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A seeded local tasks API served over real HTTP on 127.0.0.1 with a port of its own, and a
/// client configured for it. Every test makes its own, so tests run in parallel.
final class LocalAPIFixture: Sendable {
    static let key = "test-key-0123456789"

    let directory: TemporaryDirectory
    let api: LocalTasksAPI
    let router: Router
    private let server: HTTPServer
    private let port: Int

    init(upcoming: @escaping LocalTasksAPI.UpcomingRuns = LocalTasksAPI.scheduleEngine) throws {
        directory = try TemporaryDirectory(prefix: "tasks-api")
        api = try LocalTasksAPI(
            stateDirectory: directory.path, configuration: .init(apiKey: Self.key, upcoming: upcoming))
        try api.seed()
        var router = Router()
        api.register(on: &router)
        self.router = router
        server = HTTPServer(
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, shutdownGrace: .milliseconds(200), eventLoopCount: 1),
            tls: nil, router: router, logger: .disabled)
        port = try server.start()
    }

    deinit { Task { [server] in await server.shutdown() } }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// A client with short deadlines so failure tests stay fast.
    func client(
        credential: TasksAPIConfiguration.Credential = .apiKey(key), requestTimeout: Duration = .seconds(5),
        totalDeadline: Duration = .seconds(10), maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(20)
    ) -> TasksAPIClient {
        TasksAPIClient(
            configuration: TasksAPIConfiguration(
                baseURL: baseURL, credential: credential, requestTimeout: requestTimeout,
                totalDeadline: totalDeadline, maxAttempts: maxAttempts, initialBackoff: initialBackoff,
                maxBackoff: .milliseconds(200)))
    }

    /// Arms a fault through the admin endpoint, over HTTP like any test peer.
    func injectFault(_ json: String) async throws {
        let (status, body) = try await call("POST", "/_admin/faults", body: json)
        guard status == 200 else { throw FixtureError(description: "fault not armed: \(status) \(body)") }
    }

    /// `GET /_admin/stats` as a dictionary of "METHOD /path" to count.
    func stats() async throws -> [String: Int] {
        let (_, body) = try await call("GET", "/_admin/stats")
        struct Stats: Decodable { var requests: [String: Int] }
        return try JSONDecoder().decode(Stats.self, from: Data(body.utf8)).requests
    }

    /// The requests the server received, as `GET /_admin/requests` lists them.
    func received() async throws -> [ReceivedRequest] {
        let (_, body) = try await call("GET", "/_admin/requests")
        struct List: Decodable { var requests: [ReceivedRequest] }
        return try JSONDecoder().decode(List.self, from: Data(body.utf8)).requests
    }

    /// A raw HTTP call with URLSession; headers as given, nothing added but the body's type.
    func call(
        _ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + target)!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

/// One entry of `GET /_admin/requests`.
struct ReceivedRequest: Decodable, Equatable {
    var method: String
    var path: String
    var request_id: String?
    var auth: String
    var body: String?
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}
