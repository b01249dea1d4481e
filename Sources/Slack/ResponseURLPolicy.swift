import Foundation
import Support

/// Decides whether a `response_url` from a request may be followed, so that a forged or odd request
/// cannot turn the bot into a client of arbitrary hosts.
///
/// Only `https` URLs to an allowed host pass. By default those are Slack's hosts (`hooks.slack.com`, and
/// `hooks.slack-gov.com` for GovSlack); `SLACK_RESPONSE_URL_HOSTS` (comma-separated) replaces the list.
/// Plain `http` passes only for a loopback host (`127.0.0.1`, `localhost`, `::1`) that is in the list, for
/// tests and `taskbot try`. A list entry is a host name, optionally with `:port` to allow only that port;
/// hosts compare exactly (no subdomains), ignoring case.
public struct ResponseURLPolicy: Sendable, Equatable {
    /// Slack's response URL hosts, commercial and GovSlack.
    public static let slackHosts = ["hooks.slack.com", "hooks.slack-gov.com"]
    /// The environment variable that overrides the allowed hosts.
    public static let environmentVariable = "SLACK_RESPONSE_URL_HOSTS"

    /// One allowed host, with an optional port restriction.
    struct Entry: Sendable, Equatable {
        let host: String
        let port: Int?
    }

    private let entries: [Entry]

    /// A policy allowing exactly `hosts` (each `host` or `host:port`; IPv6 literals in brackets, `[::1]:8080`).
    public init(allowedHosts: [String] = ResponseURLPolicy.slackHosts) {
        entries = allowedHosts.compactMap(Self.entry)
    }

    /// The policy for a value of `SLACK_RESPONSE_URL_HOSTS`: Slack's hosts when it is unset or blank.
    public init(environmentValue: String?) {
        let hosts = (environmentValue ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        self.init(allowedHosts: hosts.isEmpty ? Self.slackHosts : hosts)
    }

    /// The policy the process environment asks for (`SLACK_RESPONSE_URL_HOSTS`, else Slack's hosts).
    public static func fromEnvironment() -> ResponseURLPolicy {
        ResponseURLPolicy(environmentValue: Environment.value(environmentVariable))
    }

    /// The allowed hosts as given, normalised (lowercase, no brackets), for a start-up log line.
    public var allowedHosts: [String] {
        entries.map { entry in entry.port.map { "\(entry.host):\($0)" } ?? entry.host }
    }

    /// The URL to POST to, or why it must not be followed.
    public func check(_ text: String) -> Result<URL, ResponseURLRefusal> {
        guard let components = URLComponents(string: text), let url = components.url,
            let rawScheme = components.scheme, let rawHost = components.host, !rawHost.isEmpty
        else { return .failure(.unparseable) }
        if components.user != nil || components.password != nil { return .failure(.credentialsPresent) }
        let scheme = rawScheme.lowercased()
        let host = Self.normalisedHost(rawHost)
        guard scheme == "https" || (scheme == "http" && Self.isLoopback(host)) else {
            return .failure(.schemeNotAllowed(scheme))
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard entries.contains(where: { $0.host == host && ($0.port == nil || $0.port == port) }) else {
            return .failure(.hostNotAllowed(host))
        }
        return .success(url)
    }

    static func isLoopback(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

    private static func normalisedHost(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    /// Reads `host`, `host:port`, `[v6]` or `[v6]:port`; a bare IPv6 literal such as `::1` is a host.
    private static func entry(_ text: String) -> Entry? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return Entry(host: host, port: nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return Entry(host: host, port: port)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let port = Int(parts[1]) { return Entry(host: String(parts[0]), port: port) }
        return text.isEmpty ? nil : Entry(host: text, port: nil)
    }
}
