import CShims
import Glibc

/// A blocking plain TCP client for sending exact bytes (malformed requests, slow or partial heads,
/// garbage instead of TLS) and reading what comes back. Every read waits at most `timeout`.
public final class RawTCPClient: ByteStreamClient {
    /// The socket descriptor (-1 after `close()`).
    public private(set) var fd: Int32
    public var pending: [UInt8] = []

    /// Connects to `host:port` (IPv4 literal).
    public init(host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(5)) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestClientError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let message = String(cString: strerror(errno))
            Glibc.close(fd)
            throw TestClientError("connect to \(host):\(port) failed: \(message)")
        }
        Self.setTimeout(fd, timeout)
    }

    deinit { close() }

    static func setTimeout(_ fd: Int32, _ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    public func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw TestClientError("send failed: \(String(cString: strerror(errno)))") }
            offset += count
        }
    }

    public func readSome() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { return Array(buffer[0..<count]) }
            if count == 0 { return [] }
            switch errno {
            case EINTR: continue
            case EAGAIN: throw TestClientError.timedOut
            case ECONNRESET: return []
            default: throw TestClientError("recv failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Half-closes: sends FIN but keeps reading.
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with a TCP reset (SO_LINGER 0) instead of a FIN.
    public func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}
