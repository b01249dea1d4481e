/// Why a verified Slack request could not be understood. Values never include secrets or response URLs.
public enum SlackRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The form body could not be decoded.
    case form(FormDecoder.Failure)
    /// A field Slack always sends is absent or empty; the associated value names it (`team_id`, `user.id`).
    case missingField(String)
    /// The interaction `payload` is not the JSON Slack documents.
    case malformedPayload(String)
    /// The interaction is of a kind this adapter does not handle (for example `view_submission`).
    case unsupportedPayloadType(String)

    /// A sentence for logs; contains no secret and no URL.

    public var description: String {
        switch self {
        case .form(let failure): failure.description
        case .missingField(let name): "missing field \(name)"
        case .malformedPayload(let detail): "malformed interaction payload: \(detail)"
        case .unsupportedPayloadType(let type): "unsupported interaction type \(type)"
        }
    }
}
