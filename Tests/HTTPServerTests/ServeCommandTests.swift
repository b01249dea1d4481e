import Foundation
import HTTPServer
import Support
import TestSupport
import Testing

@Suite("taskbot serve as a process")
struct ServeCommandTests {
    @Test("SIGTERM during a slow request: the request completes and the exit status is 0")
    func sigtermDuringRequest() async throws {
        let directory = try TemporaryDirectory()
        let serve = try await ServeProcess(
            ["--listen", "127.0.0.1:0", "--state", directory.path], directory: directory.path, testRoutes: true)
        let certificate = "\(directory.path)/\(SelfSignedCertificate.certificateFileName)"
        let client = try TLSTestClient(port: serve.port, trusting: certificate)
        // Long enough that the signal lands while the request runs, however late this task resumes.
        try client.send(get("/_test/sleep?ms=3000"))
        try await Task.sleep(for: .milliseconds(200))
        serve.signal(SIGTERM)
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "slept")
        #expect(response.header("Connection") == "close")
        #expect(await serve.waitForExit() == 0)
        #expect(serve.log.contains(#""msg":"stopping","signal":"SIGTERM""#))
    }

    @Test("SIGINT stops an idle server with exit status 0")
    func sigint() async throws {
        let directory = try TemporaryDirectory()
        let serve = try await ServeProcess(["--listen", "127.0.0.1:0", "--no-tls"], directory: directory.path)
        let client = try RawTCPClient(port: serve.port)
        #expect(try client.request(get("/healthz")).text == "ok")
        serve.signal(SIGINT)
        #expect(await serve.waitForExit() == 0)
    }

    @Test("the self-signed certificate is created once and reused after a restart")
    func certificateReused() async throws {
        let directory = try TemporaryDirectory()
        let arguments = ["--listen", "127.0.0.1:0", "--state", directory.path]
        let first = try await ServeProcess(arguments, directory: directory.path)
        #expect(first.fingerprint.count == 95)
        let certificate = "\(directory.path)/\(SelfSignedCertificate.certificateFileName)"
        #expect(try TLSTestClient(port: first.port, trusting: certificate).peerFingerprint == first.fingerprint)
        first.signal(SIGTERM)
        #expect(await first.waitForExit() == 0)
        let second = try await ServeProcess(arguments, directory: directory.path)
        #expect(second.fingerprint == first.fingerprint)
        second.signal(SIGTERM)
        #expect(await second.waitForExit() == 0)
    }

    @Test("SIGHUP loads a new certificate while a kept-alive connection stays usable")
    func sighupReload() async throws {
        let directory = try TemporaryDirectory()
        let certificate = "\(directory.path)/cert.pem"
        let key = "\(directory.path)/key.pem"
        let old = try SelfSignedCertificate.generate(certificatePath: certificate, keyPath: key)
        let serve = try await ServeProcess(
            ["--listen", "127.0.0.1:0", "--tls-cert", certificate, "--tls-key", key], directory: directory.path)
        #expect(serve.fingerprint == old)
        let kept = try TLSTestClient(port: serve.port, trusting: certificate)
        #expect(try kept.request(get("/healthz")).status == 200)
        let new = try SelfSignedCertificate.generate(certificatePath: certificate, keyPath: key)
        serve.signal(SIGHUP)
        try await serve.waitForLog(containing: #""msg":"certificate reloaded""#)
        let fresh = try TLSTestClient(port: serve.port, trusting: certificate)
        #expect(fresh.peerFingerprint == new)
        #expect(try kept.request(get("/healthz")).status == 200)
        #expect(kept.peerFingerprint == old)
        try "not a key".write(toFile: key, atomically: true, encoding: .utf8)
        serve.signal(SIGHUP)
        try await serve.waitForLog(containing: "certificate reload failed")
        #expect(try TLSTestClient(port: serve.port, trusting: certificate).peerFingerprint == new)
        serve.signal(SIGTERM)
        #expect(await serve.waitForExit() == 0)
    }

    @Test(
        "serve options are read from flags and the environment",
        arguments: [
            (["--listen", "127.0.0.1:0"], "127.0.0.1", 0, ServeOptions.TLSSource.selfSigned),
            (["--listen", "[::1]:9000", "--no-tls"], "::1", 9000, .none),
            (
                ["--tls-cert", "c.pem", "--tls-key", "k.pem"], "127.0.0.1", 8443,
                .files(TLSConfiguration(certificateChainPath: "c.pem", privateKeyPath: "k.pem"))
            ),
        ])
    func options(arguments: [String], host: String, port: Int, tls: ServeOptions.TLSSource) async throws {
        let options = try ServeOptions.parse(Arguments(arguments, switches: ["no-tls"]))
        #expect(options.host == host)
        #expect(options.port == port)
        #expect(options.tls == tls)
    }

    @Test(
        "bad serve options are refused with a sentence",
        arguments: [
            (["--listen", "0.0.0.0:80", "--no-tls"], "--no-tls is only allowed on a loopback address, not 0.0.0.0"),
            (["--listen", "nowhere"], "--listen needs HOST:PORT, got nowhere"),
            (["--tls-cert", "c.pem"], "--tls-cert and --tls-key must be given together"),
        ])
    func badOptions(arguments: [String], message: String) async throws {
        #expect(throws: ServeOptions.Invalid(message)) {
            try ServeOptions.parse(Arguments(arguments, switches: ["no-tls"]))
        }
    }
}
