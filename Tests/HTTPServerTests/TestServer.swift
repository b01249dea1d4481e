import Foundation
import HTTPServer
import Support
import Synchronization
import TestSupport

/// An in-process server on a free loopback port with routes for the tests, TLS from a fresh
/// self-signed certificate unless `tls` is false. Call `stop()` at the end of the test.
final class TestServer: Sendable {
    let server: HTTPServer
    let port: Int
    let directory: TemporaryDirectory
    let certificatePath: String
    let fingerprint: String
    let logs = LogCapture()
    /// Holds `GET /gate` requests until the test opens it.
    let gate = Gate()

    init(tls: Bool = true, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory(prefix: "http-server")
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, eventLoopCount: 2)
        configure(&configuration)
        let (tlsConfiguration, fingerprint) = try SelfSignedCertificate.ensure(inDirectory: directory.path)
        certificatePath = tlsConfiguration.certificateChainPath
        self.fingerprint = fingerprint
        let logger = Logger(sink: logs.sink, minimumLevel: .info)
        server = HTTPServer(
            configuration: configuration, tls: tls ? tlsConfiguration : nil, router: Self.router(gate: gate),
            logger: logger)
        port = try server.start()
    }

    func stop() async { await server.shutdown() }

    /// A TLS client that trusts this server's certificate.
    func tlsClient(timeout: Duration = .seconds(5)) throws -> TLSTestClient {
        try TLSTestClient(port: port, trusting: certificatePath, timeout: timeout)
    }

    func plainClient(timeout: Duration = .seconds(5)) throws -> RawTCPClient {
        try RawTCPClient(port: port, timeout: timeout)
    }

    static func router(gate: Gate) -> Router {
        var router = ServerRuntime.baseRouter(testRoutes: true)
        router.add("POST", "/echo") { request in
            var response = HTTPResponse(status: 200, body: request.body)
            response.headers.add("X-Seen-Length", String(request.body.count))
            return response
        }
        router.add("POST", "/slack/commands") { _ in .text(200, "command") }
        router.add("DELETE", "/healthz") { _ in .text(204, "") }
        router.add("GET", "/target") { request in .text(200, request.target) }
        router.add("GET", "/gate") { _ in
            await gate.pass()
            return .text(200, "passed")
        }
        return router
    }
}

/// A plain GET request with the given path.
func get(_ path: String, _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}

/// Starts a `TestServer`, runs `body`, and stops the server even when `body` throws.
func withServer(
    tls: Bool = true, configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try TestServer(tls: tls, configure: configure)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// A gate handlers wait at until the test opens it, so that a test can act while a request is
/// certainly in flight, however slowly the machine runs.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var arrivals = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// How many handlers have reached the gate.
    var arrivals: Int { state.withLock { $0.arrivals } }

    func pass() async {
        await withCheckedContinuation { continuation in
            let passNow = state.withLock { state -> Bool in
                state.arrivals += 1
                if state.isOpen { return true }
                state.waiting.append(continuation)
                return false
            }
            if passNow { continuation.resume() }
        }
    }

    func open() {
        let waiting = state.withLock { state in
            state.isOpen = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Waits until `count` handlers have arrived, polling for at most `timeout`.
    func waitForArrivals(_ count: Int, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while arrivals < count {
            guard ContinuousClock.now < deadline else { throw TestClientError("no request reached the gate") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
