import Foundation
import HTTPClient
import HTTPServer
import LocalTasksAPI
import TasksAPI
import TestSupport

/// The local tasks API, seeded, on a loopback port, with the admin calls tests use to inject faults,
/// count requests and change tasks behind the bot's back.
final class TestTasksAPI: Sendable {
    static let apiKey = "test-api-key"
    static let aade = "aade2bce-55c7-468e-a606-c4e76fb2ea2a"

    static var loopback: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoopCount = 1
        return configuration
    }

    let api: LocalTasksAPI
    let server: HTTPServer
    let port: Int
    let admin: HTTPClient

    init(directory: String) throws {
        api = try LocalTasksAPI(
            stateDirectory: "\(directory)/api",
            configuration: LocalTasksAPI.Configuration(apiKey: Self.apiKey, upcoming: LocalTasksAPI.scheduleEngine))
        try api.seed()
        var router = Router()
        api.register(on: &router)
        server = HTTPServer(configuration: Self.loopback, tls: nil, router: router, logger: .disabled)
        port = try server.start()
        admin = HTTPClient(port: port, trusting: nil)
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() async { await server.shutdown() }

    /// How many requests the local API received, by "METHOD /path".
    func calls(_ key: String) async throws -> Int {
        let response = try await admin.send(method: "GET", path: "/_admin/stats")
        let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        return (json?["requests"] as? [String: Int])?[key] ?? 0
    }

    func fault(status: Int? = nil, delayMS: Int = 0, count: Int) async throws {
        var body: [String: Any] = ["delay_ms": delayMS, "count": count]
        if let status { body["status"] = status }
        let response = try await admin.send(
            method: "POST", path: "/_admin/faults", headers: [("Content-Type", "application/json")],
            body: Array(try JSONSerialization.data(withJSONObject: body)))
        precondition(response.status == 200, "fault injection failed: \(response.text)")
    }

    /// The task as the API holds it now.
    func task(_ id: String = TestTasksAPI.aade) async throws -> TaskRecord {
        let response = try await admin.send(
            method: "GET", path: "/api/tasks?id=\(id)", headers: [("x-api-key", Self.apiKey)])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        struct Envelope: Decodable { let tasks: [TaskRecord] }
        guard let task = try decoder.decode(Envelope.self, from: Data(response.body)).tasks.first else {
            throw HTTPClientConnection.Failure(description: "no task \(id)")
        }
        return task
    }

    /// Changes a task behind the bot's back.
    func patchDirectly(_ fields: [String: Any]) async throws {
        var body = fields
        body["id"] = Self.aade
        let response = try await admin.send(
            method: "PATCH", path: "/api/tasks",
            headers: [("x-api-key", Self.apiKey), ("Content-Type", "application/json")],
            body: Array(try JSONSerialization.data(withJSONObject: body)))
        precondition(response.status == 200, "direct PATCH failed: \(response.text)")
    }
}
