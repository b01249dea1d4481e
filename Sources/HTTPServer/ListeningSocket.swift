import CShims
import Glibc

/// A bound, listening, non-blocking TCP socket.
final class ListeningSocket: Sendable {
    /// The descriptor; closed in deinit.
    let fd: Int32
    /// The port actually bound (useful when 0 was asked).
    let port: Int

    /// Binds `host:port` and listens. `host` is an IPv4 or IPv6 literal or `localhost`.
    init(host: String, port: Int, backlog: Int32 = 1024) throws {
        let address = try SocketAddress(host: host, port: port)
        let fd = try SystemCall.check("socket") {
            socket(address.family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        }
        do {
            SystemCall.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            _ = try address.withSockaddr { pointer, length in
                try SystemCall.check("bind \(host):\(port)") { bind(fd, pointer, length) }
            }
            try SystemCall.check("listen") { listen(fd, backlog) }
            self.port = try Self.boundPort(fd)
        } catch {
            SystemCall.close(fd)
            throw error
        }
        self.fd = fd
    }

    deinit { SystemCall.close(fd) }

    /// Refuses connections from now on (the descriptor stays open until deinit, so no loop can see it
    /// reused while it still polls it).
    func stopListening() {
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    private static func boundPort(_ fd: Int32) throws(SystemCallError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw throws(SystemCallError) in
                try SystemCall.check("getsockname") { getsockname(fd, raw, &length) }
            }
        }
        return SocketAddress(storage: storage).port
    }
}
