import Foundation

/// Where the tasks API is, how the client proves who it is, and how long it waits.
public struct TasksAPIConfiguration: Sendable {
    /// The credential sent with every call; exactly one kind.
    public enum Credential: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
        /// Sent as `x-api-key: <key>`.
        case apiKey(String)
        /// Sent as `Authorization: Bearer <token>`.
        case bearer(String)

        /// The header that carries the credential.
        var header: (name: String, value: String) {
            switch self {
            case .apiKey(let key): ("x-api-key", key)
            case .bearer(let token): ("Authorization", "Bearer \(token)")
            }
        }

        /// Names the kind only; the secret never reaches a log through interpolation or `dump`.
        public var description: String {
            switch self {
            case .apiKey: "apiKey(redacted)"
            case .bearer: "bearer(redacted)"
            }
        }

        /// Hides the secret from `dump` and debuggers.
        public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
    }

    /// The default public API.
    public static let defaultBaseURL = URL(string: "https://recoup-api.vercel.app")!

    /// Scheme, host and port of the API; paths such as `/api/tasks` are appended.
    public var baseURL: URL
    /// The one credential sent with every call.
    public var credential: Credential
    /// How long one attempt may take, from sending to the last body byte. Default 10 s.
    public var requestTimeout: Duration
    /// How long one call may take across all its attempts and waits. Default 20 s.
    public var totalDeadline: Duration
    /// Attempts per call for calls that are safe to repeat (GET, PATCH); POST and DELETE get one. Default 3.
    public var maxAttempts: Int
    /// Upper bound of the first backoff wait; each retry doubles it. Default 250 ms.
    public var initialBackoff: Duration
    /// Cap of the exponential backoff. Default 4 s.
    public var maxBackoff: Duration
    /// Told about every HTTP attempt (for metrics); nil by default.
    public var observer: (@Sendable (TasksAPIAttempt) -> Void)?

    /// A configuration with the defaults above; `maxAttempts` is at least 1.
    public init(
        baseURL: URL = TasksAPIConfiguration.defaultBaseURL, credential: Credential,
        requestTimeout: Duration = .seconds(10), totalDeadline: Duration = .seconds(20), maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(4)
    ) {
        self.baseURL = baseURL
        self.credential = credential
        self.requestTimeout = requestTimeout
        self.totalDeadline = totalDeadline
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Reads `TASKS_API_URL` (default `https://recoup-api.vercel.app`), `TASKS_API_KEY` and `TASKS_API_TOKEN`.
    ///
    /// Answers nil when none of the three is set (the bot then runs its local tasks API) and throws
    /// `TasksAPIError.misconfigured` when both credentials are set, when a URL comes without a
    /// credential, or when the URL cannot be read.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TasksAPIError) -> TasksAPIConfiguration? {
        let key = environment["TASKS_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let token = environment["TASKS_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let credential: Credential
        let urlText = environment["TASKS_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
        switch (key, token) {
        case (nil, nil):
            // A URL without a credential would otherwise fall back to the local API without a word.
            if urlText != nil {
                throw .misconfigured("TASKS_API_URL is set but neither TASKS_API_KEY nor TASKS_API_TOKEN")
            }
            return nil
        case (let key?, nil): credential = .apiKey(key)
        case (nil, let token?): credential = .bearer(token)
        case (.some, .some):
            throw .misconfigured("set only one of TASKS_API_KEY and TASKS_API_TOKEN, not both")
        }
        guard let text = urlText else { return TasksAPIConfiguration(credential: credential) }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw .misconfigured("TASKS_API_URL is not an http(s) URL: \(text)")
        }
        return TasksAPIConfiguration(baseURL: url, credential: credential)
    }
}
