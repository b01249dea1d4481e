/// A cron expression that could not be read, with the sentence a user reads.
public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user-facing explanation, for example "`25` is out of range for the hour field (0-23)."
    public let message: String

    /// An error with `message` as its user-facing text.
    public init(_ message: String) {
        self.message = message
    }

    /// The user-facing message, for logs and `print`.
    public var description: String { message }
}
