import Foundation
import HTTPServer
import LocalTasksAPI
import Support
import TestSupport

/// A seeded local tasks API driven in process through `Router.respond(to:)`.
struct InProcessAPI {
    static let key = "in-process-key"
    static let aade = "aade2bce-55c7-468e-a606-c4e76fb2ea2a"

    let directory: TemporaryDirectory
    let api: LocalTasksAPI
    let router: Router

    init(directory: TemporaryDirectory? = nil, clock: WallClock = .system) throws {
        self.directory = try directory ?? TemporaryDirectory(prefix: "local-api")
        api = try LocalTasksAPI(
            stateDirectory: self.directory.path, configuration: .init(apiKey: Self.key, clock: clock))
        try api.seed()
        var router = Router()
        api.register(on: &router)
        self.router = router
    }

    /// Sends one request with the key as `x-api-key` unless `headers` says otherwise.
    func send(
        _ method: String, _ target: String, body: String? = nil, headers: [(String, String)] = [("x-api-key", key)],
        from remote: String = "127.0.0.1:40000"
    ) async -> (status: Int, body: String) {
        let request = HTTPRequest(
            method: method, target: target, headers: HTTPHeaders(headers), body: Array((body ?? "").utf8),
            requestID: "test", remoteAddress: remote)
        let response = await router.respond(to: request)
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }
}
