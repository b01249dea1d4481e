import COpenSSL
import CShims
import Foundation

/// An owned `X509` certificate.
final class X509Certificate {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { X509_free(handle) }

    /// Reads the first certificate of a PEM file.
    convenience init(pemFile path: String) throws(TLSError) {
        ERR_clear_error()
        guard let bio = BIO_new_file(path, "r") else { throw .fromQueue("open \(path)") }
        defer { BIO_free(bio) }
        guard let certificate = PEM_read_bio_X509(bio, nil, nil, nil) else { throw .fromQueue("read \(path)") }
        self.init(handle: certificate)
    }

    var fingerprint: String { CertificateFingerprint.sha256(of: handle) }

    /// True when the certificate is no longer valid at `date`.
    func expires(before date: Date) -> Bool {
        taskbot_x509_expires_before(handle, Int64(date.timeIntervalSince1970)) == 1
    }

    /// A self-signed server certificate: v3, random serial, valid from an hour ago for 365 days
    /// (Mozilla's profiles ask for at most 366).
    static func selfSigned(key: PrivateKey, commonName: String, names: String) throws(TLSError) -> X509Certificate {
        ERR_clear_error()
        guard let handle = X509_new() else { throw .fromQueue("X509_new") }
        let certificate = X509Certificate(handle: handle)
        var serial: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &serial) { RAND_bytes($0.baseAddress, 8) }
        guard X509_set_version(handle, 2) == 1,
            ASN1_INTEGER_set_uint64(X509_get_serialNumber(handle), serial >> 1) == 1,
            X509_gmtime_adj(X509_getm_notBefore(handle), -3600) != nil,
            X509_gmtime_adj(X509_getm_notAfter(handle), 365 * 86400) != nil,
            X509_set_pubkey(handle, key.handle) == 1
        else { throw .fromQueue("fill certificate") }
        let name = X509_get_subject_name(handle)
        guard X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1,
            X509_set_issuer_name(handle, name) == 1
        else { throw .fromQueue("set certificate name") }
        try certificate.addExtensions([
            (NID_subject_alt_name, names), (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_key_usage, "critical,digitalSignature"), (NID_ext_key_usage, "serverAuth"),
            (NID_subject_key_identifier, "hash"),
        ])
        guard X509_sign(handle, key.handle, EVP_sha256()) > 0 else { throw .fromQueue("sign certificate") }
        return certificate
    }

    private func addExtensions(_ extensions: [(Int32, String)]) throws(TLSError) {
        var v3 = X509V3_CTX()
        X509V3_set_ctx(&v3, handle, handle, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &v3, nid, value) else { throw .fromQueue("extension \(value)") }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(handle, ext, -1) == 1 else { throw .fromQueue("add extension \(value)") }
        }
    }
}
