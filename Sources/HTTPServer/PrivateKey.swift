import COpenSSL

/// An owned `EVP_PKEY`.
final class PrivateKey {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { EVP_PKEY_free(handle) }

    /// A fresh NIST P-256 key. (`EVP_EC_gen` is a macro, so the generic keygen path is used.)
    static func generateP256() throws(TLSError) -> PrivateKey {
        ERR_clear_error()
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else { throw .fromQueue("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_group_name(context, "P-256") == 1,
            EVP_PKEY_keygen(context, &key) == 1, let key
        else { throw .fromQueue("generate P-256 key") }
        return PrivateKey(handle: key)
    }
}
