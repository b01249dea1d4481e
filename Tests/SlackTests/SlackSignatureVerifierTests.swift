import Foundation
import Support
import Testing

@testable import Slack

@Suite("Slack request signatures")
struct SlackSignatureVerifierTests {
    let fieldVerifier = SlackSignatureVerifier(signingSecret: SlackVectors.fieldSecret, clock: SlackVectors.fieldClock)

    @Test("signs and accepts Slack's published example exactly")
    func publishedVector() {
        let now = Date(timeIntervalSince1970: 1_531_420_618 + 42)
        let verifier = SlackSignatureVerifier(signingSecret: SlackVectors.T1.secret, clock: .fixed(now))
        #expect(
            verifier.sign(body: SlackVectors.T1.body, timestamp: SlackVectors.T1.timestamp) == SlackVectors.T1.signature
        )
        let result = verifier.verify(
            body: SlackVectors.T1.body, timestamp: SlackVectors.T1.timestamp, signature: SlackVectors.T1.signature)
        #expect(throws: Never.self) { try result.get() }
    }

    @Test("B01: accepts the 234-byte body exactly as received")
    func fieldReportB01Accepted() {
        #expect(SlackVectors.B01.body.count == 234)
        let result = fieldVerifier.verify(
            body: SlackVectors.B01.body, timestamp: SlackVectors.B01.timestamp, signature: SlackVectors.B01.signature)
        #expect(throws: Never.self) { try result.get() }
    }

    @Test("B01: every single-byte change of the body fails")
    func fieldReportB01EveryByte() {
        var accepted: [Int] = []
        for index in SlackVectors.B01.body.indices {
            for flip: UInt8 in [0x01, 0x20, 0x80] {
                var body = SlackVectors.B01.body
                body[index] ^= flip
                let result = fieldVerifier.verify(
                    body: body, timestamp: SlackVectors.B01.timestamp, signature: SlackVectors.B01.signature)
                if result.failure != .signatureMismatch { accepted.append(index) }
            }
        }
        #expect(accepted == [])
    }

    @Test("B01: a re-encoded body gives the other signature and is rejected")
    func fieldReportB01Reencoded() {
        let reencoded = Array(
            SlackVectors.B01.text.replacingOccurrences(of: "+", with: "%20")
                .replacingOccurrences(of: "%2A", with: "*").utf8)
        let signature = fieldVerifier.sign(body: reencoded, timestamp: SlackVectors.B01.timestamp)
        #expect(signature.hasPrefix("v0=bd59333a"))
        #expect(signature.hasSuffix("f796"))
        let result = fieldVerifier.verify(
            body: reencoded, timestamp: SlackVectors.B01.timestamp, signature: SlackVectors.B01.signature)
        #expect(result.failure == .signatureMismatch)
    }

    @Test("B02: a correctly signed request ten minutes old is rejected as stale")
    func fieldReportB02Old() {
        let result = fieldVerifier.verify(
            body: SlackVectors.B02.body, timestamp: SlackVectors.B02.oldTimestamp,
            signature: SlackVectors.B02.oldSignature)
        #expect(result.failure == .stale(skew: 600))
    }

    @Test("B02: the same body signed now is accepted")
    func fieldReportB02Fresh() {
        let body = SlackVectors.B02.body
        #expect(
            fieldVerifier.sign(body: body, timestamp: SlackVectors.B02.oldTimestamp) == SlackVectors.B02.oldSignature)
        let result = fieldVerifier.verify(
            body: body, timestamp: SlackVectors.B02.freshTimestamp, signature: SlackVectors.B02.freshSignature)
        #expect(throws: Never.self) { try result.get() }
    }

    @Test(
        "accepts up to 300 s of skew either way and rejects one second more",
        arguments: [
            (-300, true), (300, true), (-301, false), (301, false), (0, true), (86_400 * 365, false),
        ])
    func window(offset: Int, accepted: Bool) {
        let timestamp = String(Int(SlackVectors.fieldNow) + offset)
        let signature = fieldVerifier.sign(body: SlackVectors.B02.body, timestamp: timestamp)
        let result = fieldVerifier.verify(body: SlackVectors.B02.body, timestamp: timestamp, signature: signature)
        #expect(result.failure == (accepted ? nil : .stale(skew: Int64(-offset))))
    }

    @Test(
        "rejects timestamps that are not plain decimal seconds, without trapping",
        arguments: [
            "", "abc", "1796310000.5", "+1796310000", "-1796310000", " 1796310000", "1796310000 ",
            "99999999999999999999999999", "0x6b1e5af0", "１７９６３１００００", "1_796_310_000",
        ])
    func malformedTimestamp(timestamp: String) {
        let signature = fieldVerifier.sign(body: SlackVectors.B02.body, timestamp: timestamp)
        let result = fieldVerifier.verify(body: SlackVectors.B02.body, timestamp: timestamp, signature: signature)
        #expect(result.failure == .malformedTimestamp)
    }

    @Test("a timestamp of twelve digits is read and found stale, not overflowed")
    func hugeTimestamp() {
        let result = fieldVerifier.verify(
            body: [], timestamp: "999999999999", signature: "v0=" + String(repeating: "0", count: 64))
        #expect(result.failure == .stale(skew: 1_796_310_000 - 999_999_999_999))
    }

    @Test(
        "rejects signatures that are not v0= and 64 lowercase hex digits",
        arguments: [
            "", "v0=", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033",
            "v0=g2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            " v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        ])
    func malformedSignature(signature: String) {
        let result = fieldVerifier.verify(
            body: SlackVectors.B02.body, timestamp: SlackVectors.B02.freshTimestamp, signature: signature)
        #expect(result.failure == .malformedSignature)
    }

    @Test("reports a missing header before anything else")
    func missingHeaders() {
        let body = SlackVectors.B02.body
        #expect(fieldVerifier.verify(body: body, timestamp: nil, signature: nil).failure == .missingTimestamp)
        #expect(
            fieldVerifier.verify(body: body, timestamp: nil, signature: SlackVectors.B02.freshSignature).failure
                == .missingTimestamp)
        #expect(
            fieldVerifier.verify(body: body, timestamp: SlackVectors.B02.freshTimestamp, signature: nil).failure
                == .missingSignature)
    }

    @Test("a signature made with another secret does not match")
    func otherSecret() {
        let other = SlackSignatureVerifier(signingSecret: "test-signing-secret-0002", clock: SlackVectors.fieldClock)
        let signature = other.sign(body: SlackVectors.B02.body, timestamp: SlackVectors.B02.freshTimestamp)
        let result = fieldVerifier.verify(
            body: SlackVectors.B02.body, timestamp: SlackVectors.B02.freshTimestamp, signature: signature)
        #expect(result.failure == .signatureMismatch)
    }

    @Test("an empty secret still signs like HMAC with an empty key")
    func emptySecret() {
        // HMAC-SHA256 with an empty key over "v0:1:" (computed with Python's hmac module).
        let verifier = SlackSignatureVerifier(signingSecret: "", clock: .fixed(Date(timeIntervalSince1970: 1)))
        #expect(
            verifier.sign(body: [], timestamp: "1")
                == "v0=b7920c764ff683fc9b6a237b193b04990d447a505490bc258949e1ee16128be3")
    }

    @Test("failure reasons are fixed labels and descriptions carry no secret")
    func reasons() {
        let failures: [SlackVerificationFailure] = [
            .missingTimestamp, .missingSignature, .malformedTimestamp, .malformedSignature, .stale(skew: 600),
            .signatureMismatch,
        ]
        #expect(
            failures.map(\.reason) == [
                "missing_timestamp", "missing_signature", "malformed_timestamp", "malformed_signature",
                "stale_timestamp", "signature_mismatch",
            ])
        #expect(SlackVerificationFailure.stale(skew: 600).description == "request timestamp is 600 s away from now")
        #expect(failures.allSatisfy { !$0.description.contains(SlackVectors.fieldSecret) })
    }
}
