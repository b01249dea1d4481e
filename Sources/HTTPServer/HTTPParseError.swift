/// Why a request could not be read. Each case maps to exactly one status in `status`, the only place
/// where parse failures become HTTP statuses.
public enum HTTPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes break HTTP/1.1 syntax or a strictness rule (smuggling shapes, obs-fold, bad framing).
    case malformed(String)
    /// The request line is longer than `ServerConfiguration.maxRequestLineBytes`.
    case requestLineTooLong
    /// The header section (or trailer section) is larger than `ServerConfiguration.maxHeaderBytes`.
    case headerSectionTooLarge
    /// More header lines than `ServerConfiguration.maxHeaderLines`.
    case tooManyHeaderLines
    /// The body is, or announces to be, larger than `ServerConfiguration.maxBodyBytes`.
    case bodyTooLarge
    /// A transfer coding other than exactly `chunked`.
    case unsupportedTransferCoding(String)
    /// An HTTP version other than 1.0 and 1.1.
    case unsupportedVersion
    /// An `Expect` value other than `100-continue`.
    case unsupportedExpectation

    /// The response status for this failure.
    public var status: Int {
        switch self {
        case .malformed: 400
        case .requestLineTooLong: 414
        case .headerSectionTooLarge, .tooManyHeaderLines: 431
        case .bodyTooLarge: 413
        case .unsupportedTransferCoding: 501
        case .unsupportedVersion: 505
        case .unsupportedExpectation: 417
        }
    }

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed request: \(reason)"
        case .requestLineTooLong: "request line too long"
        case .headerSectionTooLarge: "header section too large"
        case .tooManyHeaderLines: "too many header lines"
        case .bodyTooLarge: "body too large"
        case .unsupportedTransferCoding(let coding): "unsupported transfer coding \(coding)"
        case .unsupportedVersion: "unsupported HTTP version"
        case .unsupportedExpectation: "unsupported expectation"
        }
    }

    /// The small JSON error response sent before the connection is closed.
    public var response: HTTPResponse {
        let message: String
        switch self {
        case .malformed: message = "bad request"
        case .requestLineTooLong: message = "request line too long"
        case .headerSectionTooLarge, .tooManyHeaderLines: message = "request header fields too large"
        case .bodyTooLarge: message = "payload too large"
        case .unsupportedTransferCoding: message = "transfer coding not implemented"
        case .unsupportedVersion: message = "HTTP version not supported"
        case .unsupportedExpectation: message = "expectation failed"
        }
        return .json(status, "{\"error\":\"\(message)\"}")
    }
}
