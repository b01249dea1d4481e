// libFuzzer targets for the Slack adapter's parsers. Built only with -DFUZZING; the driver in main.swift
// picks a target and calls it once per input.
#if FUZZING
    import Foundation
    import Slack

    /// A verifier pinned to the field reports' clock, so verification paths run deterministically.
    private let fuzzVerifier = SlackSignatureVerifier(
        signingSecret: "test-signing-secret-0001", clock: .fixed(Date(timeIntervalSince1970: 1_796_310_000)))

    /// Form decoding, command and interaction intake on arbitrary bytes. Traps when a decoded form does not
    /// survive a strict re-encoding, or when an unsigned request gets past the signature check.
    func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let body = Array(UnsafeBufferPointer(start: data, count: size))
        if let fields = try? FormDecoder.decode(body) {
            let again = try? FormDecoder.decode(reencode(fields))
            precondition(again == fields, "form round trip changed the fields")
        }
        let timestamp = String(decoding: body.prefix(12), as: UTF8.self)
        switch SlackIntake.command(body: body, timestamp: timestamp, signature: nil, verifier: fuzzVerifier) {
        case .rejected, .sslCheck: break
        default: preconditionFailure("an unsigned command passed verification")
        }
        let signature = fuzzVerifier.sign(body: body, timestamp: "1796310000")
        _ = SlackIntake.interaction(body: body, timestamp: "1796310000", signature: signature, verifier: fuzzVerifier)
        _ = SlackIntake.command(body: body, timestamp: "1796310000", signature: signature, verifier: fuzzVerifier)
    }

    /// Slack text normalisation on arbitrary text. Traps when the output breaks the normaliser's promises.
    func fuzzSlackText(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
        let plain = SlackText.normalise(text)
        let first = plain.unicodeScalars.first
        let last = plain.unicodeScalars.last
        precondition(first?.properties.isWhitespace != true && last?.properties.isWhitespace != true, "not trimmed")
        for scalar in plain.unicodeScalars {
            precondition(scalar.isASCII || !scalar.properties.isWhitespace, "non-ASCII whitespace left")
            precondition(![0x200B, 0x2060, 0xFEFF].contains(scalar.value), "invisible character left")
        }
    }

    /// Percent-encodes every byte but unreserved ones, so decoding gives back exactly the same strings.
    private func reencode(_ fields: FormFields) -> [UInt8] {
        func encode(_ text: String) -> String {
            text.utf8.map { byte in
                let unreserved =
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
                return unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            }.joined()
        }
        return Array(fields.pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&").utf8)
    }
#endif
