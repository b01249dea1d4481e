import Foundation

/// The Slack signing secret that `taskbot serve` generates for local use when none is configured, kept
/// in the state directory with mode 0600 so that `taskbot try` can sign like Slack.
public enum SigningSecretFile {
    public static func path(stateDirectory: String) -> String { "\(stateDirectory)/slack-signing-secret" }

    /// The stored secret, creating it (32 random bytes as hex) on first use; `created` tells which.
    public static func loadOrCreate(stateDirectory: String) throws -> (secret: String, created: Bool) {
        let path = path(stateDirectory: stateDirectory)
        if let existing = read(stateDirectory: stateDirectory) { return (existing, false) }
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
        let created = FileManager.default.createFile(
            atPath: path, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return (secret, true)
    }

    /// The stored secret, or nil when there is none.
    public static func read(stateDirectory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(stateDirectory: stateDirectory)) else { return nil }
        let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return secret.isEmpty ? nil : secret
    }
}
