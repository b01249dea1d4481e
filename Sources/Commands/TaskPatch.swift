import Schedule
import Support

/// The fields of a tasks API PATCH that a command changes; nil fields are left out.
public struct TaskPatch: Sendable, Equatable {
    /// The new cron in the API's normal form.
    public var schedule: String?
    /// The new IANA zone.
    public var timezone: String?
    /// `false` to pause, `true` to resume.
    public var enabled: Bool?
    /// The new title, verbatim.
    public var title: String?
    /// The new prompt, verbatim.
    public var prompt: String?

    /// A patch with the given fields; nil fields are left out.
    public init(
        schedule: String? = nil, timezone: String? = nil, enabled: Bool? = nil, title: String? = nil,
        prompt: String? = nil
    ) {
        self.schedule = schedule
        self.timezone = timezone
        self.enabled = enabled
        self.title = title
        self.prompt = prompt
    }

    /// True when nothing changes.
    public var isEmpty: Bool { self == TaskPatch() }

    /// The fields as a JSON object in a fixed key order (`schedule`, `timezone`, `enabled`, `title`,
    /// `prompt`), without the task id.
    public var json: String {
        var members: [String] = []
        if let schedule { members.append("\"schedule\": \(JSONText.quote(schedule))") }
        if let timezone { members.append("\"timezone\": \(JSONText.quote(timezone))") }
        if let enabled { members.append("\"enabled\": \(enabled)") }
        if let title { members.append("\"title\": \(JSONText.quote(title))") }
        if let prompt { members.append("\"prompt\": \(JSONText.quote(prompt))") }
        return "{" + members.joined(separator: ", ") + "}"
    }
}

extension Command {
    /// The API fields this command changes on a task whose schedule is `currentCron` (and zone
    /// `currentZone`, if known). A schedule or zone equal to the current one is left out. Fails when a
    /// relative schedule edit ("move to Thursday") has no current schedule to apply to.
    public func patch(currentCron: CronExpression?, currentZone: String? = nil) -> Result<TaskPatch, CommandError> {
        var patch = TaskPatch(enabled: edit.enabled, title: edit.title, prompt: edit.prompt)
        if let zone = edit.timezone, zone != currentZone { patch.timezone = zone }
        guard let scheduleEdit = edit.schedule else { return .success(patch) }
        let next: CronExpression
        if case .replace(let cron) = scheduleEdit.change {
            next = cron
        } else if let currentCron {
            next = scheduleEdit.applied(to: currentCron)
        } else {
            return .failure(CommandError("I need the task's current schedule to change only its days or its time."))
        }
        if let currentCron, next.printsSame(as: currentCron) { return .success(patch) }
        patch.schedule = next.normalized
        return .success(patch)
    }
}
