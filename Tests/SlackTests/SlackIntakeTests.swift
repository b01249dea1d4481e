import Foundation
import Testing

@testable import Slack

@Suite("Endpoint intake: verify first, then decode")
struct SlackIntakeTests {
    let verifier = SlackSignatureVerifier(signingSecret: SlackVectors.fieldSecret, clock: SlackVectors.fieldClock)
    static let sslProbe = Array("ssl_check=1&token=XXXXXXXX".utf8)

    func signed(_ body: [UInt8]) -> (timestamp: String, signature: String) {
        ("1796310000", verifier.sign(body: body, timestamp: "1796310000"))
    }

    @Test("Slack's unsigned SSL check is answered with an empty 200 and nothing else")
    func sslCheck() {
        let intake = SlackIntake.command(body: Self.sslProbe, timestamp: nil, signature: nil, verifier: verifier)
        #expect(intake == .sslCheck)
        #expect(intake.httpStatus == 200)
    }

    @Test("an unsigned command that also says ssl_check=1 is only an SSL check: no command comes out")
    func sslCheckCarriesNothing() {
        let body = Array("ssl_check=1&team_id=T1&user_id=U1&text=pause+task+aade".utf8)
        #expect(SlackIntake.command(body: body, timestamp: nil, signature: nil, verifier: verifier) == .sslCheck)
    }

    @Test("ssl_check=1 with a bad signature is rejected, not waved through")
    func sslCheckWithBadSignature() {
        let body = Array("ssl_check=1&team_id=T1&user_id=U1&text=pause+task+aade".utf8)
        let intake = SlackIntake.command(
            body: body, timestamp: "1796310000", signature: SlackVectors.B02.freshSignature, verifier: verifier)
        #expect(intake == .rejected(.signatureMismatch))
        #expect(intake.httpStatus == 401)
    }

    @Test("ssl_check=1 with only one of the two headers is rejected")
    func sslCheckWithOneHeader() {
        let intake = SlackIntake.command(
            body: Self.sslProbe, timestamp: "1796310000", signature: nil, verifier: verifier)
        #expect(intake == .rejected(.missingSignature))
    }

    @Test("an unsigned command is rejected")
    func unsigned() {
        let intake = SlackIntake.command(
            body: SlackVectors.B01.body, timestamp: nil, signature: nil, verifier: verifier)
        #expect(intake == .rejected(.missingTimestamp))
    }

    @Test("B01 and B02 through the endpoint: accepted commands, rejected replays")
    func fieldReports() throws {
        let b01 = SlackIntake.command(
            body: SlackVectors.B01.body, timestamp: SlackVectors.B01.timestamp,
            signature: SlackVectors.B01.signature, verifier: verifier)
        #expect(b01 == .command(try SlackCommandRequest(body: SlackVectors.B01.body)))
        let replay = SlackIntake.command(
            body: SlackVectors.B02.body, timestamp: SlackVectors.B02.oldTimestamp,
            signature: SlackVectors.B02.oldSignature, verifier: verifier)
        #expect(replay == .rejected(.stale(skew: 600)))
        let fresh = SlackIntake.command(
            body: SlackVectors.B02.body, timestamp: SlackVectors.B02.freshTimestamp,
            signature: SlackVectors.B02.freshSignature, verifier: verifier)
        guard case .command(let request) = fresh else {
            Issue.record("expected a command, got \(fresh)")
            return
        }
        #expect(request.text == "pause task aade2bce")
    }

    @Test("a signed body that is not a usable command is malformed (400)")
    func malformedCommand() {
        let body = Array("team_id=T1&text=x".utf8)
        let (timestamp, signature) = signed(body)
        let intake = SlackIntake.command(body: body, timestamp: timestamp, signature: signature, verifier: verifier)
        #expect(intake == .malformed(.missingField("user_id")))
        #expect(intake.httpStatus == 400)
    }

    @Test("a signed click becomes an interaction; the same click unsigned or stale is rejected")
    func interaction() throws {
        let body = SlackInteractionTests.formBody(SlackInteractionTests.payload)
        let (timestamp, signature) = signed(body)
        let accepted = SlackIntake.interaction(
            body: body, timestamp: timestamp, signature: signature, verifier: verifier)
        #expect(accepted == .interaction(try SlackInteraction(body: body)))
        #expect(
            SlackIntake.interaction(body: body, timestamp: nil, signature: nil, verifier: verifier)
                == .rejected(.missingTimestamp))
        let old = verifier.sign(body: body, timestamp: "1796309000")
        #expect(
            SlackIntake.interaction(body: body, timestamp: "1796309000", signature: old, verifier: verifier)
                == .rejected(.stale(skew: 1000)))
    }

    @Test("the interaction endpoint has no unsigned SSL check")
    func noProbeOnInteractions() {
        #expect(
            SlackIntake.interaction(body: Self.sslProbe, timestamp: nil, signature: nil, verifier: verifier)
                == .rejected(.missingTimestamp))
    }
}
