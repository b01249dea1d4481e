import Foundation
import Glibc
import Synchronization

/// The write end of the self-pipe the C signal handler writes to (set once, before the handler is installed).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Process signals for a server: SIGPIPE ignored, SIGTERM/SIGINT to stop, SIGHUP to reload.
///
/// The handlers are installed with signal(2) before `init` returns, so no signal is lost in a start-up
/// window (a DispatchSource registers asynchronously, and a signal arriving before that is dropped).
/// The C handler only writes the signal number to a pipe; a dedicated thread reads it and calls the
/// Swift closures.
public final class SignalHandling: Sendable {
    private let cancelled = Atomic<Bool>(false)

    /// Ignores SIGPIPE: OpenSSL writes with write(2), so a peer reset would otherwise kill the process.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Routes SIGTERM and SIGINT to `terminate` and SIGHUP to `reload`, both called on a private thread.
    /// Meant to be created once per process.
    public init(terminate: @escaping @Sendable (Int32) -> Void, reload: @escaping @Sendable () -> Void) {
        Self.ignoreBrokenPipe()
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        signalPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        let thread = Thread { [self] in
            var number: UInt8 = 0
            while true {
                let count = read(readEnd, &number, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { return }
                guard !cancelled.load(ordering: .acquiring) else { continue }
                if Int32(number) == SIGHUP { reload() } else { terminate(Int32(number)) }
            }
        }
        thread.start()
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
    }

    /// Stops calling the closures; the signals stay caught (and are then dropped).
    public func cancel() {
        cancelled.store(true, ordering: .releasing)
    }
}
