import Dispatch
import Glibc

/// Process signals for a server: SIGPIPE ignored, SIGTERM/SIGINT to stop, SIGHUP to reload.
public final class SignalHandling: @unchecked Sendable {
    // @unchecked: `sources` is set once in init; DispatchSource methods are thread-safe.
    private let sources: [any DispatchSourceSignal]

    /// Ignores SIGPIPE: OpenSSL writes with write(2), so a peer reset would otherwise kill the process.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Routes SIGTERM and SIGINT to `terminate` and SIGHUP to `reload`, each on a private queue.
    /// The default actions of these signals are disabled while the returned value is alive.
    public init(terminate: @escaping @Sendable (Int32) -> Void, reload: @escaping @Sendable () -> Void) {
        Self.ignoreBrokenPipe()
        let queue = DispatchQueue(label: "taskbot.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            if number == SIGHUP {
                source.setEventHandler { @Sendable in reload() }
            } else {
                source.setEventHandler { @Sendable in terminate(number) }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Stops listening for the signals (their default actions stay disabled).
    public func cancel() {
        for source in sources { source.cancel() }
    }
}
