/// Why a request did not pass Slack's v0 signature check. Carries no secret and no signature value,
/// so it may be logged and counted as is.
public enum SlackVerificationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `X-Slack-Request-Timestamp` header is absent.
    case missingTimestamp
    /// The `X-Slack-Signature` header is absent.
    case missingSignature
    /// The timestamp is not a plain decimal number of seconds.
    case malformedTimestamp
    /// The signature is not `v0=` followed by 64 lowercase hexadecimal digits.
    case malformedSignature
    /// The timestamp is further than the window from now; `skew` is now minus the timestamp in seconds
    /// (positive for an old request, negative for one from the future).
    case stale(skew: Int64)
    /// The signature is well formed but does not match the body, timestamp and secret.
    case signatureMismatch

    /// A short fixed label for metrics and log fields.
    public var reason: String {
        switch self {
        case .missingTimestamp: "missing_timestamp"
        case .missingSignature: "missing_signature"
        case .malformedTimestamp: "malformed_timestamp"
        case .malformedSignature: "malformed_signature"
        case .stale: "stale_timestamp"
        case .signatureMismatch: "signature_mismatch"
        }
    }

    /// A sentence for logs; contains no secret and no URL.

    public var description: String {
        switch self {
        case .missingTimestamp: "missing X-Slack-Request-Timestamp header"
        case .missingSignature: "missing X-Slack-Signature header"
        case .malformedTimestamp: "X-Slack-Request-Timestamp is not a number of seconds"
        case .malformedSignature: "X-Slack-Signature is not v0= followed by 64 hex digits"
        case .stale(let skew): "request timestamp is \(skew) s away from now"
        case .signatureMismatch: "signature does not match"
        }
    }
}
