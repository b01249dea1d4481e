import Foundation
import Testing

@testable import Slack

@Suite("Response URL policy")
struct ResponseURLPolicyTests {
    static let testHosts = ResponseURLPolicy(environmentValue: " 127.0.0.1 , localhost:8443,[::1],hooks.example.test ")

    @Test(
        "by default only Slack's hooks hosts over https are followed",
        arguments: [
            ("https://hooks.slack.com/commands/T1/2/abc", nil),
            ("https://HOOKS.Slack.com/actions/T1/2/abc", nil),
            ("https://hooks.slack-gov.com/commands/T1/2/abc", nil),
            ("https://hooks.slack.com:443/commands/T1/2/abc", nil),
            ("http://hooks.slack.com/commands/T1/2/abc", ResponseURLRefusal.schemeNotAllowed("http")),
            ("https://hooks.slack.com.evil.test/x", .hostNotAllowed("hooks.slack.com.evil.test")),
            ("https://evil.test/hooks.slack.com", .hostNotAllowed("evil.test")),
            ("https://slack.com/api/chat.postMessage", .hostNotAllowed("slack.com")),
            ("https://x.hooks.slack.com/c", .hostNotAllowed("x.hooks.slack.com")),
            ("https://hooks.slack.com@evil.test/c", .credentialsPresent),
            ("https://user:pw@hooks.slack.com/c", .credentialsPresent),
            ("ftp://hooks.slack.com/c", .schemeNotAllowed("ftp")),
            ("javascript:alert(1)", .unparseable),
            ("/commands/T1/2/abc", .unparseable),
            ("", .unparseable),
            ("http://127.0.0.1:8080/reply", .hostNotAllowed("127.0.0.1")),
        ])
    func defaults(url: String, refusal: ResponseURLRefusal?) {
        let result = ResponseURLPolicy().check(url)
        switch result {
        case .success(let checked):
            #expect(refusal == nil)
            #expect(checked.absoluteString == url)
        case .failure(let error):
            #expect(error == refusal)
        }
    }

    @Test(
        "SLACK_RESPONSE_URL_HOSTS replaces the list; http only to a listed loopback host",
        arguments: [
            ("http://127.0.0.1:49152/reply", nil),
            ("https://127.0.0.1/reply", nil),
            ("http://localhost:8443/reply", nil),
            ("http://localhost:8444/reply", ResponseURLRefusal.hostNotAllowed("localhost")),
            ("http://[::1]:9000/reply", nil),
            ("https://hooks.example.test/reply", nil),
            ("http://hooks.example.test/reply", .schemeNotAllowed("http")),
            ("https://hooks.slack.com/commands/T1/2/abc", .hostNotAllowed("hooks.slack.com")),
            ("http://127.0.0.2/reply", .schemeNotAllowed("http")),
        ])
    func overridden(url: String, refusal: ResponseURLRefusal?) {
        let result = Self.testHosts.check(url)
        switch result {
        case .success: #expect(refusal == nil)
        case .failure(let error): #expect(error == refusal)
        }
    }

    @Test("an unset or blank variable means Slack's hosts")
    func blank() {
        #expect(ResponseURLPolicy(environmentValue: nil).allowedHosts == ["hooks.slack.com", "hooks.slack-gov.com"])
        #expect(ResponseURLPolicy(environmentValue: " , ").allowedHosts == ["hooks.slack.com", "hooks.slack-gov.com"])
        #expect(Self.testHosts.allowedHosts == ["127.0.0.1", "localhost:8443", "::1", "hooks.example.test"])
    }

    @Test("a refusal never repeats the path or query of the URL")
    func noCapabilityInRefusal() {
        let secretPath = "/commands/T1/2/s3cr3tt0k3n"
        for url in ["https://evil.test\(secretPath)", "http://hooks.slack.com\(secretPath)"] {
            guard case .failure(let error) = ResponseURLPolicy().check(url) else {
                Issue.record("expected a refusal")
                continue
            }
            #expect(!error.description.contains("s3cr3tt0k3n"))
        }
    }
}
