import CShims
import Glibc

/// A failed system call: the operation's name and the text of its errno.
public struct SystemCallError: Error, CustomStringConvertible, Sendable {
    /// The call that failed, for example `bind`.
    public let operation: String
    /// The errno it left.
    public let code: Int32

    public init(_ operation: String, code: Int32 = errno) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}

/// Thin wrappers around system calls: retry EINTR, read errno right after the call, throw with its text.
enum SystemCall {
    /// Runs `call` until it does not fail with EINTR; -1 becomes an error named `operation`.
    @discardableResult
    static func check(_ operation: String, _ call: () -> Int32) throws(SystemCallError) -> Int32 {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code != EINTR { throw SystemCallError(operation, code: code) }
        }
    }

    /// The monotonic clock in nanoseconds.
    static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)  // Linux closes the descriptor even when close reports EINTR, so no retry.
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }
}

/// The process's limit on open descriptors.
enum DescriptorLimit {
    /// Raises the soft limit towards `wanted` (never past the hard limit) and returns the soft limit
    /// in force afterwards.
    static func raise(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return wanted }
        if limit.rlim_cur < rlim_t(wanted) {
            var raised = limit
            raised.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}

/// The number of active processor cores.
enum ProcessInfoCores {
    static var active: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
