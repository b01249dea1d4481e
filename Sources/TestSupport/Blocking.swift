import Dispatch

/// Runs blocking work (child processes, pipe reads) on a Dispatch thread and awaits it, so that it
/// never occupies one of the few cooperative threads that every test's HTTP handlers also need.
public enum Blocking {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
