import COpenSSL
import CShims
import Glibc

/// One server-side `SSL` bound to a non-blocking socket. Reads drive the handshake implicitly.
final class TLSConnection {
    private let handle: OpaquePointer
    /// Keeps the context of this connection alive across a certificate reload.
    private let context: TLSContext

    init(context: TLSContext, fd: Int32) throws(TLSError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.handle) else { throw .fromQueue("SSL_new") }
        guard SSL_set_fd(ssl, fd) == 1 else {
            SSL_free(ssl)
            throw .fromQueue("SSL_set_fd")
        }
        SSL_set_accept_state(ssl)
        self.handle = ssl
        self.context = context
    }

    /// Set once OpenSSL reported a protocol error on this connection: its session must not be resumed.
    private var failedInProtocol = false

    deinit {
        // OpenSSL drops the session of a connection freed without a TLS shutdown from its cache. A
        // connection we close at a deadline or after a reset was fine, so mark it shut down quietly (as
        // nginx does) and its client can resume; after a protocol error the session goes.
        if SSL_is_init_finished(handle) == 1 && !failedInProtocol {
            SSL_set_shutdown(handle, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN)
        }
        SSL_free(handle)
    }

    /// True when OpenSSL holds bytes (decrypted or not) that a read would return without the socket.
    var hasBufferedData: Bool { SSL_has_pending(handle) == 1 }

    /// True once the handshake has finished.
    var isEstablished: Bool { SSL_is_init_finished(handle) == 1 }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        ERR_clear_error()
        let count = SSL_read(handle, buffer.baseAddress, Int32(buffer.count))
        return count > 0 ? .transferred(Int(count)) : outcome(of: count, "SSL_read")
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> IOResult {
        ERR_clear_error()
        let count = SSL_write(handle, buffer.baseAddress, Int32(buffer.count))
        return count > 0 ? .transferred(Int(count)) : outcome(of: count, "SSL_write")
    }

    /// Sends close_notify if the handshake finished; never waits for the peer's.
    func shutdown() {
        guard isEstablished else { return }
        ERR_clear_error()
        _ = SSL_shutdown(handle)
    }

    private func outcome(of result: Int32, _ operation: String) -> IOResult {
        let savedErrno = errno
        switch SSL_get_error(handle, result) {
        case SSL_ERROR_WANT_READ: return .wouldBlock(waitForWritable: false)
        case SSL_ERROR_WANT_WRITE: return .wouldBlock(waitForWritable: true)
        case SSL_ERROR_ZERO_RETURN: return .endOfStream
        case SSL_ERROR_SYSCALL:
            // errno 0 with an empty queue is a plain EOF from the peer.
            if savedErrno == 0 && ERR_peek_error() == 0 { return .endOfStream }
            return .failed("\(operation): \(String(cString: strerror(savedErrno)))")
        default:
            failedInProtocol = true
            return .failed(TLSError.fromQueue(operation).description)
        }
    }
}
