import COpenSSL
import CShims

/// A server `SSL_CTX`: TLS 1.2 and 1.3 only, ECDHE+AEAD suites for 1.2, no compression or
/// renegotiation, session cache and tickets on, with one certificate chain and key loaded.
final class TLSContext: @unchecked Sendable {
    // @unchecked: the SSL_CTX is configured fully in init and only read afterwards (SSL_new is thread-safe).
    let handle: OpaquePointer

    /// TLS 1.2 suites: forward secret key exchange with authenticated encryption only.
    static let tls12Ciphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"

    /// Builds a context and loads `configuration`'s chain and key; throws with OpenSSL's message.
    init(_ configuration: TLSConfiguration) throws(TLSError) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw .fromQueue("SSL_CTX_new") }
        do {
            try Self.configure(context)
            try Self.load(configuration, into: context)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        handle = context
    }

    deinit { SSL_CTX_free(handle) }

    private static func configure(_ context: OpaquePointer) throws(TLSError) {
        guard taskbot_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION) == 1 else {
            throw .fromQueue("set minimum TLS version")
        }
        taskbot_ssl_ctx_set_hardened_server_options(context)
        guard SSL_CTX_set_cipher_list(context, tls12Ciphers) == 1 else { throw .fromQueue("set TLS 1.2 ciphers") }
        // The groups of Mozilla's intermediate profile; X448 and P-521 add nothing but handshake cost.
        guard taskbot_ssl_ctx_set_groups(context, "X25519:P-256:P-384") == 1 else {
            throw .fromQueue("set key exchange groups")
        }
        // Partial writes let one response leave in several SSL_write calls; the moving buffer lets the
        // connection's output array grow between retries.
        // SSL_MODE_RELEASE_BUFFERS is left off: it would save about 34 KiB per idle connection but costs a
        // malloc/free pair per record on the keep-alive path, and 4,096 connections fit in memory anyway.
        let mode = SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
        _ = taskbot_ssl_ctx_set_mode(context, Int(mode))
        // Read-ahead pulls whole socket buffers into OpenSSL: fewer read(2) calls per request. The
        // connection drains what it holds with SSL_has_pending before waiting on epoll again.
        _ = taskbot_ssl_ctx_set_read_ahead(context, 1)
        _ = taskbot_ssl_ctx_set_session_cache_mode(context, Int(SSL_SESS_CACHE_SERVER))
        _ = taskbot_ssl_ctx_sess_set_cache_size(context, 20_000)
        let sessionContext = Array("taskbot".utf8)
        _ = SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count))
        _ = SSL_CTX_set_num_tickets(context, 2)
        var keys = ticketKeys
        if !keys.isEmpty { _ = SSL_CTX_ctrl(context, SSL_CTRL_SET_TLSEXT_TICKET_KEYS, keys.count, &keys) }
    }

    /// The keys session tickets are sealed with: one set for the whole process rather than a fresh one per
    /// context (OpenSSL's default), so that tickets issued before a certificate reload still resume after
    /// it. Random at start, never written anywhere.
    private static let ticketKeys: [UInt8] = {
        var keys = [UInt8](repeating: 0, count: 80)
        if RAND_bytes(&keys, Int32(keys.count)) != 1 { keys = [] }
        return keys
    }()

    private static func load(_ configuration: TLSConfiguration, into context: OpaquePointer) throws(TLSError) {
        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificateChainPath) == 1 else {
            throw .fromQueue("load certificate chain \(configuration.certificateChainPath)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            throw .fromQueue("load private key \(configuration.privateKeyPath)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw .fromQueue("private key does not match certificate")
        }
    }

    /// SHA-256 fingerprint of the loaded leaf certificate as colon-separated uppercase hex.
    var fingerprint: String {
        guard let certificate = SSL_CTX_get0_certificate(handle) else { return "" }
        return CertificateFingerprint.sha256(of: certificate)
    }
}
