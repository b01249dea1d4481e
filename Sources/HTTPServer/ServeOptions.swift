import Support

/// The options of `taskbot serve`, from flags or their environment equivalents.
public struct ServeOptions: Sendable, Equatable {
    /// Where the certificate comes from.
    public enum TLSSource: Sendable, Equatable {
        /// A self-signed certificate created in (and reused from) the state directory.
        case selfSigned
        /// `--tls-cert` and `--tls-key`.
        case files(TLSConfiguration)
        /// `--no-tls`: plain HTTP, allowed on loopback addresses only.
        case none
    }

    /// An option value that cannot be used, with the sentence to print.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let description: String

        public init(_ description: String) { self.description = description }
    }

    public var host: String
    public var port: Int
    public var stateDirectory: String
    public var tls: TLSSource
    public var logLevel: Logger.Level

    /// Every option name `parse` understands.
    public static let optionNames: Set<String> = ["listen", "state", "tls-cert", "tls-key", "no-tls", "log-level"]

    /// Reads `--listen HOST:PORT` (TASKBOT_LISTEN, default 127.0.0.1:8443), `--state DIR` (TASKBOT_STATE_DIR,
    /// default ./state), `--tls-cert F --tls-key F` (TASKBOT_TLS_CERT, TASKBOT_TLS_KEY), `--no-tls` and
    /// `--log-level debug|info|warning|error` (TASKBOT_LOG_LEVEL, default info).
    public static func parse(_ arguments: Arguments) throws(ServeOptions.Invalid) -> ServeOptions {
        let listen = arguments.value("listen", environment: "TASKBOT_LISTEN") ?? "127.0.0.1:8443"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw Invalid("--listen needs HOST:PORT, got \(listen)") }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let levelName = arguments.value("log-level", environment: "TASKBOT_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(name: levelName) else {
            throw Invalid("--log-level must be debug, info, warning or error, got \(levelName)")
        }
        return ServeOptions(
            host: host, port: port,
            stateDirectory: arguments.value("state", environment: "TASKBOT_STATE_DIR") ?? "state",
            tls: try tlsSource(arguments, host: host), logLevel: level)
    }

    private static func tlsSource(_ arguments: Arguments, host: String) throws(ServeOptions.Invalid) -> TLSSource {
        let certificate = arguments.value("tls-cert", environment: "TASKBOT_TLS_CERT")
        let key = arguments.value("tls-key", environment: "TASKBOT_TLS_KEY")
        if arguments.flag("no-tls") {
            guard isLoopback(host) else {
                throw Invalid("--no-tls is only allowed on a loopback address, not \(host)")
            }
            return .none
        }
        switch (certificate, key) {
        case (nil, nil): return .selfSigned
        case (let certificate?, let key?):
            return .files(TLSConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        default: throw Invalid("--tls-cert and --tls-key must be given together")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
