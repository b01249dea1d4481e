/// What an endpoint should do with one inbound Slack request: the single place that orders
/// "verify, then decode", so nothing reads a body before its signature has been checked.
public enum SlackIntake: Sendable, Equatable {
    /// Slack's unsigned SSL check probe: answer an empty 200 and do nothing else.
    case sslCheck
    /// The signature check failed: answer 401 and do nothing else.
    case rejected(SlackVerificationFailure)
    /// Signed correctly but not understood: answer 400.
    case malformed(SlackRequestError)
    /// A verified slash command.
    case command(SlackCommandRequest)
    /// A verified button click.
    case interaction(SlackInteraction)

    /// The HTTP status that fits: 200, 401 or 400.
    public var httpStatus: Int {
        switch self {
        case .sslCheck, .command, .interaction: 200
        case .rejected: 401
        case .malformed: 400
        }
    }

    /// Handles a `POST` to the slash-command URL. `timestamp` and `signature` are the values of
    /// `X-Slack-Request-Timestamp` and `X-Slack-Signature`, nil when absent.
    ///
    /// Only a request with neither header is looked at unsigned, and then only to recognise `ssl_check=1`,
    /// which leads to `.sslCheck` and nothing more. A request with a signature is verified first, so an
    /// `ssl_check=1` in a body can never carry a command past the check.
    public static func command(
        body: [UInt8], timestamp: String?, signature: String?, verifier: SlackSignatureVerifier
    ) -> SlackIntake {
        if timestamp == nil, signature == nil, let fields = try? FormDecoder.decode(body),
            SlackCommandRequest.isSSLCheck(fields)
        {
            return .sslCheck
        }
        if case .failure(let failure) = verifier.verify(body: body, timestamp: timestamp, signature: signature) {
            return .rejected(failure)
        }
        let fields: FormFields
        do { fields = try FormDecoder.decode(body) } catch { return .malformed(.form(error)) }
        if SlackCommandRequest.isSSLCheck(fields) { return .sslCheck }
        do { return .command(try SlackCommandRequest(fields: fields)) } catch { return .malformed(error) }
    }

    /// Handles a `POST` to the interactivity URL. There is no unsigned probe here: every request is verified.
    public static func interaction(
        body: [UInt8], timestamp: String?, signature: String?, verifier: SlackSignatureVerifier
    ) -> SlackIntake {
        if case .failure(let failure) = verifier.verify(body: body, timestamp: timestamp, signature: signature) {
            return .rejected(failure)
        }
        do { return .interaction(try SlackInteraction(body: body)) } catch { return .malformed(error) }
    }
}
