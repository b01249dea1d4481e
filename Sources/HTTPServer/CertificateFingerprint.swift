import COpenSSL

/// SHA-256 fingerprints of X.509 certificates, as `AB:CD:…` (the form `openssl x509 -fingerprint` prints).
enum CertificateFingerprint {
    static func sha256(of certificate: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, EVP_sha256(), &digest, &length) == 1 else { return "" }
        let hex: [Character] = Array("0123456789ABCDEF")
        return digest.prefix(Int(length)).map { String([hex[Int($0 >> 4)], hex[Int($0 & 15)]]) }
            .joined(separator: ":")
    }
}
