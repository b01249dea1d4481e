/// Where the server listens and every limit and deadline it enforces.
public struct ServerConfiguration: Sendable {
    /// Told about every answered request, on the event loop (keep it cheap: count, don't log); nil by default.
    public var requestObserver: (@Sendable (RequestSummary) -> Void)?
    /// The address to bind: an IPv4 or IPv6 literal, or `localhost` (127.0.0.1). Default `127.0.0.1`.
    public var host: String
    /// The TCP port; 0 picks a free one (`HTTPServer.start()` returns it). Default 8443.
    public var port: Int
    /// Largest header section in bytes, from the first header line to the empty line (also trailers);
    /// beyond it 431. Default 16 KiB.
    public var maxHeaderBytes: Int
    /// Most header lines in one request; beyond it 431. Default 100.
    public var maxHeaderLines: Int
    /// Longest request line in bytes without its CRLF; beyond it 414. Default 8 KiB.
    public var maxRequestLineBytes: Int
    /// Largest body in bytes after removing chunked framing; beyond it 413. Default 1 MiB.
    public var maxBodyBytes: Int
    /// Most open client connections over all event loops; new connections beyond it are closed at once.
    /// Default 4096.
    public var maxConnections: Int
    /// Time from accept (or from the first byte of a later request on a kept-alive connection) until the
    /// TLS handshake and request head are complete; then the connection closes, with 408 if a head started.
    /// Default 10 s.
    public var headDeadline: Duration
    /// Time from the end of the head until the whole body has arrived; then 408 and close. Default 30 s.
    public var bodyDeadline: Duration
    /// How long a kept-alive connection may sit with no request, and how long a response write may stall.
    /// Default 60 s.
    public var idleTimeout: Duration
    /// How long a graceful shutdown waits for requests in flight before closing everything. Default 10 s.
    public var shutdownGrace: Duration
    /// Number of event loop threads. Default: the number of active processor cores.
    public var eventLoopCount: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8443, maxHeaderBytes: Int = 16 * 1024, maxHeaderLines: Int = 100,
        maxRequestLineBytes: Int = 8 * 1024, maxBodyBytes: Int = 1024 * 1024, maxConnections: Int = 4096,
        headDeadline: Duration = .seconds(10), bodyDeadline: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), shutdownGrace: Duration = .seconds(10),
        eventLoopCount: Int = ServerConfiguration.defaultEventLoopCount
    ) {
        self.host = host
        self.port = port
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderLines = maxHeaderLines
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.headDeadline = headDeadline
        self.bodyDeadline = bodyDeadline
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
        self.eventLoopCount = eventLoopCount
    }

    /// The number of active processor cores, at least 1.
    public static var defaultEventLoopCount: Int { max(1, ProcessInfoCores.active) }

    /// The parser limits taken from this configuration.
    public var parserLimits: HTTPRequestParser.Limits {
        HTTPRequestParser.Limits(
            maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes,
            maxHeaderLines: maxHeaderLines, maxBodyBytes: maxBodyBytes)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
