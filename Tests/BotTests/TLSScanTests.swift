import Foundation
import HTTPServer
import TestSupport
import Testing

/// The running server scanned by sslyze (PyPI), as an outside auditor would see it.
@Suite("TLS scan")
struct TLSScanTests {
    @Test("only TLS 1.2 and 1.3, ECDHE with AEAD ciphers, no known vulnerability, Mozilla intermediate met")
    func scan() async throws {
        let directory = try TemporaryDirectory(prefix: "taskbot-tls-scan")
        let state = "\(directory.path)/state"
        let bot = try TaskbotProcess(
            ["serve", "--listen", "127.0.0.1:0", "--state", state],
            environment: ["SLACK_SIGNING_SECRET": "scan-secret"], directory: directory.path)
        defer { bot.signal(SIGTERM) }
        let port = try await bot.servingPort()
        let python = PythonEnvironment.interpreter
        let script = PythonEnvironment.packageRoot + "/scripts/tls-scan.py"
        let certificate = "\(state)/\(SelfSignedCertificate.certificateFileName)"
        let output = try await ProcessRunner.run(
            python, [script, "127.0.0.1:\(port)", certificate], timeout: .seconds(120))
        #expect(output.status == 0, "sslyze failed: \(output.standardError)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: [String]])
        #expect(summary["protocols"] == ["TLS 1.2", "TLS 1.3"])
        let ciphers = try #require(summary["tls12_ciphers"])
        #expect(!ciphers.isEmpty)
        #expect(ciphers.allSatisfy { $0.hasPrefix("ECDHE-") && ($0.contains("GCM") || $0.contains("CHACHA20")) })
        #expect(summary["vulnerabilities"] == [])
        // A self-signed certificate cannot chain to a public root; a deployment passes --tls-cert.
        #expect(summary["mozilla_intermediate_failures"] == ["certificate_path_validation"])
    }
}
