import Foundation
import HTTPServer
import TestSupport
import Testing

@Suite("curl and openssl s_client against the server")
struct ToolInteropTests {
    @Test("curl reuses one kept-alive connection for two requests")
    func curlKeepAlive() async throws {
        try await withServer { server in
            let url = "https://127.0.0.1:\(server.port)/healthz"
            let run = try await ProcessRunner.run("curl", ["-sS", "-v", "--cacert", server.certificatePath, url, url])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput == "okok")
            #expect(run.standardError.contains("Re-using existing connection"))
        }
    }

    @Test("curl uploads a chunked body and gets it back")
    func curlChunkedUpload() async throws {
        try await withServer { server in
            let body = String(repeating: "chunky-", count: 3000)
            let run = try await ProcessRunner.run(
                "curl",
                [
                    "-sS", "--cacert", server.certificatePath, "-H", "Transfer-Encoding: chunked",
                    "-H", "Content-Type: text/plain", "--data-binary", "@-", "https://localhost:\(server.port)/echo",
                ], input: body)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput == body)
        }
    }

    @Test("plain HTTP sent to the TLS port gets a readable 400 and the server goes on serving TLS")
    func plainHTTPOnTLSPort() async throws {
        try await withServer { server in
            let plain = try await ProcessRunner.run(
                "curl", ["-sS", "-o", "-", "-w", "%{http_code}", "http://127.0.0.1:\(server.port)/healthz"])
            #expect(plain.status == 0, "\(plain.standardError)")
            #expect(plain.standardOutput == #"{"error":"plain HTTP was sent to the HTTPS port; use https://"}400"#)
            let secure = try await ProcessRunner.run(
                "curl", ["-sS", "--cacert", server.certificatePath, "https://127.0.0.1:\(server.port)/healthz"])
            #expect(secure.standardOutput == "ok")
        }
    }

    static let handshakes: [(String, [String], Bool)] = [
        ("TLS 1.1", ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"], false),
        ("TLS 1.2", ["-tls1_2"], true),
        ("TLS 1.3", ["-tls1_3"], true),
        ("TLS 1.2 with ECDHE-ECDSA-AES128-SHA (CBC)", ["-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA"], false),
        ("TLS 1.2 with AES128-SHA (no forward secrecy)", ["-tls1_2", "-cipher", "AES128-SHA"], false),
        ("TLS 1.2 with ECDHE-ECDSA-CHACHA20-POLY1305", ["-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305"], true),
    ]

    @Test("openssl s_client: only TLS 1.2 with ECDHE+AEAD and TLS 1.3 are accepted", arguments: handshakes)
    func sClient(name: String, options: [String], accepted: Bool) async throws {
        try await withServer { server in
            let arguments =
                [
                    "s_client", "-connect", "127.0.0.1:\(server.port)", "-CAfile", server.certificatePath,
                    "-verify_return_error", "-ign_eof",
                ] + options
            let run = try await ProcessRunner.run(
                "openssl", arguments, input: "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                timeout: .seconds(10))
            let output = run.standardOutput + run.standardError
            if accepted {
                #expect(run.status == 0, "\(name): \(output)")
                #expect(output.contains("HTTP/1.1 200 OK"), "\(name)")
                #expect(output.contains("Verify return code: 0 (ok)"), "\(name)")
            } else {
                #expect(run.status != 0, "\(name) was accepted: \(output)")
                #expect(!output.contains("HTTP/1.1 200 OK"), "\(name)")
                #expect(
                    output.contains("alert protocol version") || output.contains("alert handshake failure"), "\(name)")
            }
        }
    }

    @Test("TLS sessions resume with a ticket")
    func sessionResumption() async throws {
        try await withServer { server in
            let first = try server.tlsClient()
            #expect(try first.request(get("/healthz")).status == 200)
            let session = try #require(first.session)
            let second = try TLSTestClient(port: server.port, trusting: server.certificatePath, session: session)
            #expect(try second.request(get("/healthz")).status == 200)
            #expect(second.sessionReused)
        }
    }

    @Test("TLS sessions from before a certificate reload resume after it")
    func sessionResumptionAcrossReload() async throws {
        try await withServer { server in
            let first = try server.tlsClient()
            #expect(try first.request(get("/healthz")).status == 200)
            let session = try #require(first.session)
            try server.server.reloadTLS()
            let second = try TLSTestClient(port: server.port, trusting: server.certificatePath, session: session)
            #expect(try second.request(get("/healthz")).status == 200)
            #expect(second.sessionReused)
        }
    }

    @Test("TLS 1.2 sessions resume from the session cache")
    func sessionResumptionTLS12() async throws {
        try await withServer { server in
            let first = try TLSTestClient(port: server.port, trusting: server.certificatePath, maxVersion: 0x0303)
            #expect(first.protocolVersion == "TLSv1.2")
            #expect(try first.request(get("/healthz")).status == 200)
            let session = try #require(first.session)
            let second = try TLSTestClient(
                port: server.port, trusting: server.certificatePath, session: session, maxVersion: 0x0303)
            #expect(second.sessionReused)
        }
    }

    @Test("the certificate verifies for localhost and 127.0.0.1 and not for another name")
    func certificateNames() async throws {
        try await withServer { server in
            _ = try TLSTestClient(port: server.port, trusting: server.certificatePath, expectedName: "localhost")
            _ = try TLSTestClient(port: server.port, trusting: server.certificatePath, expectedName: "127.0.0.1")
            #expect(throws: TestClientError.self) {
                try TLSTestClient(port: server.port, trusting: server.certificatePath, expectedName: "example.com")
            }
        }
    }
}
