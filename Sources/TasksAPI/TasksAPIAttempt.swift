/// One HTTP attempt of a tasks API call, as reported to `TasksAPIConfiguration.observer`.
public struct TasksAPIAttempt: Sendable, Equatable {
    public var method: String
    /// The HTTP status as text, or `timeout`, `unreachable`, `cancelled`.
    public var result: String
    /// How long the attempt took.
    public var seconds: Double

    public init(method: String, result: String, seconds: Double) {
        self.method = method
        self.result = result
        self.seconds = seconds
    }
}
