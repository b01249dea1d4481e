// Placeholder so dependants compile; the schedule engine replaces this file.
public struct CronExpression: Sendable, Hashable {
    public var normalized: String
}

public struct ScheduleEdit: Sendable, Equatable {}
