/// Where the server's certificate chain and private key live (both PEM files, re-read on `reloadTLS()`).
public struct TLSConfiguration: Sendable, Equatable {
    /// PEM file with the leaf certificate first, then any intermediates.
    public var certificateChainPath: String
    /// PEM file with the private key of the leaf certificate.
    public var privateKeyPath: String

    public init(certificateChainPath: String, privateKeyPath: String) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
    }
}
