import TasksAPI

extension TasksAPIError {
    /// True for failures that may pass by themselves (5xx, 429, timeouts, unreachable), so a confirmed
    /// change is retried rather than reported failed.
    var isTransient: Bool {
        switch self {
        case .server, .timeout, .unreachable: true
        default: false
        }
    }
}
