import Foundation
import Support
import Testing

@testable import Slack

@Suite("Cross-check with slack_sdk")
struct SlackSDKCrossCheckTests {
    /// Signs with slack_sdk's `SignatureVerifier.generate_signature`, and checks our signature with its
    /// `is_valid` at a pinned clock. Prints the two results on two lines.
    static let script = """
        import json, sys
        try:
            from slack_sdk.signature import SignatureVerifier
        except ImportError as error:
            sys.exit("slack_sdk cannot be imported (install scripts/requirements-test.txt): %s" % error)
        case = json.load(sys.stdin)
        body = bytes.fromhex(case["body_hex"])
        class Pinned:
            def now(self):
                return float(case["now"])
        verifier = SignatureVerifier(case["secret"], clock=Pinned())
        print(verifier.generate_signature(timestamp=case["timestamp"], body=body))
        print(verifier.is_valid(body=body, timestamp=case["timestamp"], signature=case["ours"]))
        """

    @Test("slack_sdk and our signer agree on a random body, secret and timestamp", arguments: 0..<3)
    func randomBody(round: Int) async throws {
        var generator = SystemRandomNumberGenerator()
        let secret = Self.randomText(length: 32, using: &generator)
        let now = Int.random(in: 1_500_000_000...2_000_000_000, using: &generator)
        let timestamp = String(now - Int.random(in: -300...300, using: &generator))
        let body = Self.randomForm(using: &generator)
        let verifier = SlackSignatureVerifier(
            signingSecret: secret, clock: .fixed(Date(timeIntervalSince1970: TimeInterval(now))))
        let ours = verifier.sign(body: body, timestamp: timestamp)

        let input: [String: String] = [
            "secret": secret, "timestamp": timestamp, "now": String(now), "ours": ours,
            "body_hex": body.map { String(format: "%02x", $0) }.joined(),
        ]
        let output = try await PythonPeer.run(Self.script, input: try JSONSerialization.data(withJSONObject: input))
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "unexpected slack_sdk output: \(output)")
        #expect(lines[0] == ours)
        #expect(lines[1] == "True")
        #expect(verifier.verify(body: body, timestamp: timestamp, signature: lines[0]).failure == nil)
    }

    /// Printable ASCII plus a few multi-byte characters, as a secret or a field value.
    static func randomText(length: Int, using generator: inout SystemRandomNumberGenerator) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!*'()")
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// A form body with encoded and raw UTF-8, `+` for spaces and `%2B` for pluses, like Slack's.
    static func randomForm(using generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        let words = ["pause", "task", "aade2bce", "%2B1", "caf%C3%A9", "日本", "%E2%80%9Cx%E2%80%9D", "&amp;", "%26"]
        let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
        let fields = [
            "token=\(randomText(length: 24, using: &generator))", "team_id=T0000000", "user_id=U0000000",
            "command=%2Ftasks", "text=" + text.joined(separator: "+"),
        ]
        return Array(fields.joined(separator: "&").utf8)
    }
}
