import COpenSSL
import Foundation

/// A self-signed P-256 certificate for `localhost` and `127.0.0.1`, for running without a real certificate.
public enum SelfSignedCertificate {
    /// File names inside the directory given to `ensure(inDirectory:)`.
    public static let certificateFileName = "tls/self-signed-cert.pem"
    public static let keyFileName = "tls/self-signed-key.pem"

    /// Returns the certificate in `directory`, creating it on first use and reusing it afterwards,
    /// with its SHA-256 fingerprint (`AB:CD:…`). One that expires within 30 days is replaced.
    public static func ensure(inDirectory directory: String) throws -> (TLSConfiguration, fingerprint: String) {
        let configuration = TLSConfiguration(
            certificateChainPath: "\(directory)/\(certificateFileName)", privateKeyPath: "\(directory)/\(keyFileName)")
        let files = FileManager.default
        if files.fileExists(atPath: configuration.certificateChainPath)
            && files.fileExists(atPath: configuration.privateKeyPath)
        {
            let existing = try X509Certificate(pemFile: configuration.certificateChainPath)
            if !existing.expires(before: Date().addingTimeInterval(30 * 86400)) {
                return (configuration, existing.fingerprint)
            }
        }
        let folder = (configuration.certificateChainPath as NSString).deletingLastPathComponent
        try files.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fingerprint = try generate(
            certificatePath: configuration.certificateChainPath, keyPath: configuration.privateKeyPath)
        return (configuration, fingerprint)
    }

    /// Writes a new key (mode 0600) and certificate valid for `names` (subjectAltName syntax) and returns
    /// the certificate's fingerprint. Files are written under temporary names and renamed into place.
    @discardableResult
    public static func generate(
        certificatePath: String, keyPath: String, commonName: String = "localhost",
        names: String = "DNS:localhost,IP:127.0.0.1"
    ) throws -> String {
        let key = try PrivateKey.generateP256()
        let certificate = try X509Certificate.selfSigned(key: key, commonName: commonName, names: names)
        try PEMFile.write(keyPath, mode: 0o600) { PEM_write_bio_PrivateKey($0, key.handle, nil, nil, 0, nil, nil) }
        try PEMFile.write(certificatePath, mode: 0o644) { PEM_write_bio_X509($0, certificate.handle) }
        return CertificateFingerprint.sha256(of: certificate.handle)
    }

    /// The SHA-256 fingerprint of the first certificate in a PEM file.
    public static func fingerprint(ofCertificateAt path: String) throws -> String {
        try X509Certificate(pemFile: path).fingerprint
    }
}
