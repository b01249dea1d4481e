import COpenSSL
import CShims
import Glibc

/// A blocking OpenSSL TLS client for tests: it trusts only the given certificate file, verifies the
/// peer and its name or IP, and then sends raw bytes and reads responses like `RawTCPClient`
/// (keep-alive capable). Reads wait at most `timeout`.
///
/// ```swift
/// let client = try TLSTestClient(port: port, trusting: certificatePath)
/// let response = try client.request("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
/// ```
public final class TLSTestClient: ByteStreamClient {
    private let socket: RawTCPClient
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    public var pending: [UInt8] = []

    /// Connects to `host:port` and completes the handshake. `expectedName` is the DNS name or IP the
    /// certificate must carry (default `host`); a DNS name is also sent as SNI. `session` resumes a
    /// previous session. `maxVersion` caps the protocol (for example `TLS1_2_VERSION`).
    public init(
        host: String = "127.0.0.1", port: Int, trusting certificatePath: String, expectedName: String? = nil,
        timeout: Duration = .seconds(5), session: TLSTestSession? = nil, maxVersion: Int32 = 0
    ) throws {
        let socket = try RawTCPClient(host: host, port: port, timeout: timeout)
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("SSL_CTX_new") }
        guard SSL_CTX_load_verify_locations(context, certificatePath, nil) == 1 else {
            SSL_CTX_free(context)
            throw Self.failure("load \(certificatePath)")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if maxVersion != 0 { _ = taskbot_ssl_ctx_set_max_proto_version(context, maxVersion) }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw Self.failure("SSL_new")
        }
        self.socket = socket
        self.context = context
        self.ssl = ssl
        try configure(name: expectedName ?? host, session: session)
        ERR_clear_error()
        guard SSL_connect(ssl) == 1 else { throw Self.failure("TLS handshake with \(host):\(port)") }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    private func configure(name: String, session: TLSTestSession?) throws {
        SSL_set_fd(ssl, socket.fd)
        let isAddress = name.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        if isAddress {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name)
        } else {
            SSL_set1_host(ssl, name)
            taskbot_ssl_set_tlsext_host_name(ssl, name)
        }
        if let session { SSL_set_session(ssl, session.handle) }
    }

    private static func failure(_ operation: String) -> TestClientError {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            messages.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return TestClientError("\(operation) failed: \(messages.joined(separator: "; "))")
    }

    /// The negotiated protocol, for example `TLSv1.3`.
    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// True when the handshake resumed a session.
    public var sessionReused: Bool { SSL_session_reused(ssl) == 1 }

    /// The session to resume on a later connection (read it after a response, when TLS 1.3 tickets arrived).
    public var session: TLSTestSession? { SSL_get1_session(ssl).map(TLSTestSession.init) }

    /// SHA-256 fingerprint of the server's certificate as `AB:CD:…`.
    public var peerFingerprint: String {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return "" }
        defer { X509_free(certificate) }
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        X509_digest(certificate, EVP_sha256(), &digest, &length)
        return digest.prefix(Int(length)).map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
    }

    public func write(_ bytes: [UInt8]) throws {
        ERR_clear_error()
        guard !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
        guard written == bytes.count else { throw Self.failure("SSL_write") }
    }

    public func readSome() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16384)
        ERR_clear_error()
        let count = SSL_read(ssl, &buffer, Int32(buffer.count))
        if count > 0 { return Array(buffer[0..<Int(count)]) }
        let savedErrno = errno
        switch SSL_get_error(ssl, count) {
        case SSL_ERROR_ZERO_RETURN: return []
        case SSL_ERROR_SYSCALL where savedErrno == EAGAIN: throw TestClientError.timedOut
        case SSL_ERROR_WANT_READ where savedErrno == EAGAIN: throw TestClientError.timedOut
        case SSL_ERROR_SYSCALL: return []
        default:
            let error = Self.failure("SSL_read")
            if error.description.contains("unexpected eof") { return [] }
            throw error
        }
    }

    /// Sends close_notify and closes the socket.
    public func close() {
        SSL_shutdown(ssl)
        socket.close()
    }

    /// Closes the socket with a TCP reset, without close_notify.
    public func reset() { socket.reset() }
}

/// A TLS session kept for resumption tests.
public final class TLSTestSession: @unchecked Sendable {
    // @unchecked: the SSL_SESSION is immutable once handed out and reference-counted by OpenSSL.
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { SSL_SESSION_free(handle) }
}
