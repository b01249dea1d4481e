/// The task fields a change can touch, each nil when not part of the change. Used for the before and
/// after values of a pending change and of an audit entry.
public struct TaskFields: Sendable, Equatable, Codable {
    public var title: String?
    public var prompt: String?
    public var schedule: String?
    public var enabled: Bool?
    public var timezone: String?

    public init(
        title: String? = nil, prompt: String? = nil, schedule: String? = nil, enabled: Bool? = nil,
        timezone: String? = nil
    ) {
        self.title = title
        self.prompt = prompt
        self.schedule = schedule
        self.enabled = enabled
        self.timezone = timezone
    }

    /// True when no field is set.
    public var isEmpty: Bool { self == TaskFields() }

    /// The names of the fields that are set, in a fixed order.
    public var names: [String] {
        var names: [String] = []
        if title != nil { names.append("title") }
        if prompt != nil { names.append("prompt") }
        if schedule != nil { names.append("schedule") }
        if enabled != nil { names.append("enabled") }
        if timezone != nil { names.append("timezone") }
        return names
    }

    /// Keeps only the fields that are set in `mask`.
    public func restricted(to mask: TaskFields) -> TaskFields {
        TaskFields(
            title: mask.title == nil ? nil : title,
            prompt: mask.prompt == nil ? nil : prompt,
            schedule: mask.schedule == nil ? nil : schedule,
            enabled: mask.enabled == nil ? nil : enabled,
            timezone: mask.timezone == nil ? nil : timezone
        )
    }
}
