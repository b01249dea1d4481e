/// A command that could not be read or that asks for something the bot refuses, with the sentence
/// a user reads.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The user-facing sentence, for example "I don't know the command `pasue`. Did you mean `pause`? …".
    public var message: String
    /// What to try instead: the nearest verb for an unknown word, or the nearest cron for a schedule
    /// cron can't express; nil when there is nothing better to offer.
    public var suggestion: String?

    /// An error with `message` and an optional suggestion.
    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    /// The user-facing message, for logs and `print`.
    public var description: String { message }
}
