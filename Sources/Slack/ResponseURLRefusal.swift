/// Why a `response_url` is not followed. Never carries the URL itself: it is a bearer capability.
public enum ResponseURLRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an absolute URL with a scheme and a host.
    case unparseable
    /// A scheme other than `https` (or `http` to a listed loopback host).
    case schemeNotAllowed(String)
    /// The host is not in the allowed list.
    case hostNotAllowed(String)
    /// The URL carries a user name or password.
    case credentialsPresent

    /// A sentence for logs; contains no secret and no URL.

    public var description: String {
        switch self {
        case .unparseable: "response_url is not an absolute URL"
        case .schemeNotAllowed(let scheme): "response_url scheme \(scheme) is not allowed"
        case .hostNotAllowed(let host): "response_url host \(host) is not allowed"
        case .credentialsPresent: "response_url carries credentials"
        }
    }
}
