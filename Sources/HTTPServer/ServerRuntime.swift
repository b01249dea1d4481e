import Foundation
import Support
import Synchronization

/// Runs a server the way `taskbot serve` does: certificate, start, signals, graceful stop.
///
/// The integrator builds the router (starting from `baseRouter()`), then calls `run(router:logger:)`.
public struct ServerRuntime: Sendable {
    public var options: ServeOptions
    /// Limits and deadlines; `host` and `port` are taken from `options`.
    public var configuration: ServerConfiguration

    public init(options: ServeOptions, configuration: ServerConfiguration = ServerConfiguration()) {
        self.options = options
        self.configuration = configuration
        self.configuration.host = options.host
        self.configuration.port = options.port
    }

    /// `GET /healthz` → 200 `ok` (inline, on the event loop); with TASKBOT_TEST_ROUTES=1 also, for tests and
    /// the bench, `GET /_test/sleep?ms=N` and `GET /_test/hello` (both ordinary off-loop handlers).
    public static func baseRouter(testRoutes: Bool = Environment.value("TASKBOT_TEST_ROUTES") == "1") -> Router {
        var router = Router()
        let healthy = HTTPResponse.text(200, "ok")
        router.addInline("GET", "/healthz") { _ in healthy }
        if testRoutes {
            router.add("GET", "/_test/hello") { _ in .text(200, "ok") }
            router.add("GET", "/_test/sleep") { request in
                let value = request.query?.split(separator: "=").last.flatMap { Int($0) } ?? 0
                try? await Task.sleep(for: .milliseconds(min(max(value, 0), 60_000)))
                return .text(200, "slept")
            }
        }
        return router
    }

    /// Starts the server and returns once a SIGTERM/SIGINT-triggered graceful stop finished: 0, or 1 when
    /// the server could not start. SIGHUP reloads the certificate and keeps the old one on failure.
    /// `started` runs once the server listens, with the bound port.
    public func run(router: Router, logger: Logger, started: @Sendable (Int) -> Void = { _ in }) async -> Int32 {
        let tls: TLSConfiguration?
        do {
            tls = try prepareTLS(logger: logger)
        } catch {
            logger.error("certificate unavailable", ["error": "\(error)"])
            return 1
        }
        let server = HTTPServer(configuration: configuration, tls: tls, router: router, logger: logger)
        // Signals are routed before the server starts, so a SIGTERM that arrives during startup is
        // not lost; it is acted on as soon as the server runs.
        let stopRequested = StopRequest()
        let signals = Self.installSignals(server: server, stopRequested: stopRequested, logger: logger)
        let port: Int
        do {
            port = try server.start()
        } catch {
            logger.error("server failed to start", ["error": "\(error)"])
            signals.cancel()
            return 1
        }
        var fields = ["host": configuration.host, "port": String(port)]
        if let fingerprint = server.certificateFingerprint { fields["sha256_fingerprint"] = fingerprint }
        logger.info("serving", fields)
        started(port)
        if stopRequested.isSet { server.beginShutdown() }
        await server.waitUntilStopped()
        signals.cancel()
        return 0
    }

    private func prepareTLS(logger: Logger) throws -> TLSConfiguration? {
        switch options.tls {
        case .none:
            return nil
        case .files(let configuration):
            return configuration
        case .selfSigned:
            let (configuration, fingerprint) = try SelfSignedCertificate.ensure(inDirectory: options.stateDirectory)
            logger.info(
                "self-signed certificate",
                ["path": configuration.certificateChainPath, "sha256_fingerprint": fingerprint])
            return configuration
        }
    }

    private static func installSignals(
        server: HTTPServer, stopRequested: StopRequest, logger: Logger
    ) -> SignalHandling {
        SignalHandling(
            terminate: { number in
                guard stopRequested.setFirstTime() else { return }
                logger.info("stopping", ["signal": number == SIGTERM ? "SIGTERM" : "SIGINT"])
                server.beginShutdown()
            },
            reload: {
                do {
                    try server.reloadTLS()
                    logger.info("certificate reloaded", ["sha256_fingerprint": server.certificateFingerprint ?? ""])
                } catch {
                    logger.error("certificate reload failed; keeping the old one", ["error": "\(error)"])
                }
            })
    }
}

/// Remembers that a stop signal arrived (first one wins).
final class StopRequest: Sendable {
    private let flag = Atomic<Bool>(false)

    var isSet: Bool { flag.load(ordering: .acquiring) }

    /// Sets the flag; true only for the call that set it.
    func setFirstTime() -> Bool { !flag.exchange(true, ordering: .acquiringAndReleasing) }
}
