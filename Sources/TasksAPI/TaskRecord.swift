import Foundation
import Support

/// One task as the tasks API returns it.
///
/// Decoding is tolerant: unknown fields are ignored, `enabled: null` or a missing `enabled` reads as
/// enabled, and the fields the API may leave out (`trigger_schedule_id`, `model`, `timezone`,
/// `recent_runs`, `upcoming`) are optional or empty. Encoding writes the API's shape, `enabled` and
/// `trigger_schedule_id` always present (null when nil).
public struct TaskRecord: Sendable, Codable, Equatable {
    /// The task's UUID, lower-case.
    public var id: String
    /// The task's name as people see it.
    public var title: String
    /// The instruction the agent runs.
    public var prompt: String
    /// The 5-field cron, read in `timezone` (UTC when none is set).
    public var schedule: String
    /// The owner account.
    public var accountID: String
    /// The artist account the task works for.
    public var artistAccountID: String
    /// As stored: nil means "default", which is enabled. Read `isEnabled` for the meaning.
    public var enabled: Bool?
    /// The id of the schedule in the job runner, if any.
    public var triggerScheduleID: String?
    /// The AI model name, if set.
    public var model: String?
    /// The IANA zone the cron is read in, when the API reports one.
    public var timezone: String?
    /// The last runs, newest first.
    public var recentRuns: [TaskRun]
    /// The next planned runs.
    public var upcoming: [Date]

    /// A task with every field given; `recentRuns` and `upcoming` default to empty.
    public init(
        id: String, title: String, prompt: String, schedule: String, accountID: String, artistAccountID: String,
        enabled: Bool? = true, triggerScheduleID: String? = nil, model: String? = nil, timezone: String? = nil,
        recentRuns: [TaskRun] = [], upcoming: [Date] = []
    ) {
        self.id = id
        self.title = title
        self.prompt = prompt
        self.schedule = schedule
        self.accountID = accountID
        self.artistAccountID = artistAccountID
        self.enabled = enabled
        self.triggerScheduleID = triggerScheduleID
        self.model = model
        self.timezone = timezone
        self.recentRuns = recentRuns
        self.upcoming = upcoming
    }

    /// True unless the task was switched off: `enabled` null means enabled.
    public var isEnabled: Bool { enabled ?? true }

    enum CodingKeys: String, CodingKey {
        case id, title, prompt, schedule, enabled, model, timezone, upcoming
        case accountID = "account_id"
        case artistAccountID = "artist_account_id"
        case triggerScheduleID = "trigger_schedule_id"
        case recentRuns = "recent_runs"
    }

    /// Decodes tolerantly; see the type's documentation.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        prompt = try container.decode(String.self, forKey: .prompt)
        schedule = try container.decode(String.self, forKey: .schedule)
        accountID = try container.decode(String.self, forKey: .accountID)
        artistAccountID = try container.decode(String.self, forKey: .artistAccountID)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled)
        triggerScheduleID = try container.decodeIfPresent(String.self, forKey: .triggerScheduleID)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone)
        recentRuns = try container.decodeIfPresent([TaskRun].self, forKey: .recentRuns) ?? []
        let instants = try container.decodeIfPresent([String].self, forKey: .upcoming) ?? []
        upcoming = try instants.map { text in
            guard let date = ISO8601.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .upcoming, in: container, debugDescription: "not an ISO-8601 instant: \(text)")
            }
            return date
        }
    }

    /// Encodes in the API's shape, upcoming runs as ISO-8601 instants in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(accountID, forKey: .accountID)
        try container.encode(artistAccountID, forKey: .artistAccountID)
        try container.encode(enabled, forKey: .enabled)
        try container.encode(triggerScheduleID, forKey: .triggerScheduleID)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(timezone, forKey: .timezone)
        try container.encode(recentRuns, forKey: .recentRuns)
        try container.encode(upcoming.map { ISO8601.string(from: $0) }, forKey: .upcoming)
    }
}
