import Foundation
import HTTPServer
import Support
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

    init(tls: Bool = true, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        directory = try TemporaryDirectory(prefix: "http-server")
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, eventLoopCount: 2)
        configure(&configuration)
        let (tlsConfiguration, fingerprint) = try SelfSignedCertificate.ensure(inDirectory: directory.path)
        certificatePath = tlsConfiguration.certificateChainPath
        self.fingerprint = fingerprint
        let logger = Logger(sink: logs.sink, minimumLevel: .info)
        server = HTTPServer(
            configuration: configuration, tls: tls ? tlsConfiguration : nil, router: Self.router(), logger: logger)
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

    static func router() -> Router {
        var router = ServerRuntime.baseRouter(testRoutes: true)
        router.add("POST", "/echo") { request in
            var response = HTTPResponse(status: 200, body: request.body)
            response.headers.add("X-Seen-Length", String(request.body.count))
            return response
        }
        router.add("POST", "/slack/commands") { _ in .text(200, "command") }
        router.add("DELETE", "/healthz") { _ in .text(204, "") }
        router.add("GET", "/target") { request in .text(200, request.target) }
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
