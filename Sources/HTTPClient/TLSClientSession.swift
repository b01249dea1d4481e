import COpenSSL
import CShims
import Foundation

/// The client side of a TLS session on a connected blocking socket, verifying the peer against one
/// trusted certificate and the expected host name or IP address.
final class TLSClientSession {
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    init(socket: Int32, host: String, trusting certificatePath: String) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw TLSClientSession.failure("SSL_CTX_new") }
        guard SSL_CTX_load_verify_locations(context, certificatePath, nil) == 1 else {
            SSL_CTX_free(context)
            throw TLSClientSession.failure("loading the trusted certificate \(certificatePath)")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        _ = taskbot_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION)
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw TLSClientSession.failure("SSL_new")
        }
        if host.first?.isNumber == true {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            SSL_set1_host(ssl, host)
            _ = taskbot_ssl_set_tlsext_host_name(ssl, host)
        }
        SSL_set_fd(ssl, socket)
        ERR_clear_error()
        guard SSL_connect(ssl) == 1 else {
            let reason = TLSClientSession.failure("TLS handshake")
            SSL_free(ssl)
            SSL_CTX_free(context)
            throw reason
        }
        self.context = context
        self.ssl = ssl
    }

    deinit {
        SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        ERR_clear_error()
        let count = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        guard count > 0 else { throw TLSClientSession.failure("SSL_write") }
        return Int(count)
    }

    /// Bytes read, or 0 when the peer closed the session.
    func read(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        ERR_clear_error()
        let count = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        if count > 0 { return Int(count) }
        let error = SSL_get_error(ssl, count)
        if error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && errno == 0) { return 0 }
        throw TLSClientSession.failure("SSL_read")
    }

    /// The newest OpenSSL error, or the system's, for `operation`.
    static func failure(_ operation: String) -> HTTPClientConnection.Failure {
        let code = ERR_get_error()
        if code != 0 {
            var text = [UInt8](repeating: 0, count: 256)
            text.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { ERR_error_string_n(code, $0.baseAddress, $0.count) }
            }
            let reason = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
            return HTTPClientConnection.Failure(description: "\(operation): \(reason)")
        }
        return HTTPClientConnection.Failure(description: "\(operation): \(String(cString: strerror(errno)))")
    }
}
