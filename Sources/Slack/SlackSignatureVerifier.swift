import COpenSSL
import Foundation
import Support

/// Checks Slack's v0 request signature (`X-Slack-Signature`, `X-Slack-Request-Timestamp`) over the raw
/// body bytes, exactly as received, before anything parses the body.
///
/// The signed text is `v0:<timestamp>:<raw body>`, the MAC is HMAC-SHA256 keyed with the signing secret's
/// UTF-8 bytes, and the header carries it as `v0=` plus lowercase hex. A timestamp further than `window`
/// seconds from the clock, in either direction, is rejected so that a captured request cannot be replayed.
public struct SlackSignatureVerifier: Sendable {
    /// Slack's recommended replay window, in seconds.
    public static let defaultWindow: Int64 = 300

    private let secret: [UInt8]
    private let clock: WallClock
    /// Largest accepted |now − timestamp|, in seconds.
    public let window: Int64

    /// - Parameters:
    ///   - signingSecret: the app's signing secret, used as text (not hex- or base64-decoded).
    ///   - clock: the source of "now"; pin it in tests.
    ///   - window: largest accepted distance between the request timestamp and now, in seconds (default 300).
    public init(signingSecret: String, clock: WallClock = .system, window: Int64 = defaultWindow) {
        self.secret = Array(signingSecret.utf8)
        self.clock = clock
        self.window = window
    }

    /// Verifies one request. `timestamp` and `signature` are the header values, nil when absent.
    public func verify(body: [UInt8], timestamp: String?, signature: String?) -> Result<Void, SlackVerificationFailure>
    {
        guard let timestamp else { return .failure(.missingTimestamp) }
        guard let signature else { return .failure(.missingSignature) }
        guard let seconds = Self.seconds(timestamp) else { return .failure(.malformedTimestamp) }
        let given = Array(signature.utf8)
        guard Self.isWellFormed(given) else { return .failure(.malformedSignature) }
        let skew = Int64(clock.now().timeIntervalSince1970.rounded(.down)) - seconds
        guard abs(skew) <= window else { return .failure(.stale(skew: skew)) }
        let expected = Array(sign(body: body, timestamp: timestamp).utf8)
        return Self.constantTimeEqual(expected, given) ? .success(()) : .failure(.signatureMismatch)
    }

    /// The `X-Slack-Signature` value Slack would send for `body` at `timestamp` (decimal Unix seconds).
    public func sign(body: [UInt8], timestamp: String) -> String {
        var message = Array("v0:\(timestamp):".utf8)
        message.append(contentsOf: body)
        let mac = HMACSHA256.hex(HMACSHA256.mac(key: secret, message: message))
        return "v0=" + String(decoding: mac, as: UTF8.self)
    }

    /// Decimal digits only (no sign, no spaces), at most 12 of them, so the value always fits and the
    /// skew arithmetic cannot overflow.
    static func seconds(_ text: String) -> Int64? {
        let bytes = text.utf8
        guard (1...12).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }

    /// `v0=` followed by exactly 64 lowercase hexadecimal digits.
    static func isWellFormed(_ signature: [UInt8]) -> Bool {
        let prefix = Array("v0=".utf8)
        guard signature.count == prefix.count + 2 * HMACSHA256.digestLength,
            signature.starts(with: prefix)
        else { return false }
        return signature.dropFirst(prefix.count).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Compares without an early exit, so the time taken does not reveal how many leading bytes matched.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
