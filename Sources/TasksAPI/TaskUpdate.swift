/// The body of `PATCH /api/tasks`: the task's id plus only the fields that change.
///
/// Fields left nil are not sent. The API takes absolute values, so sending the same update twice
/// leaves the same task; that is what makes a retried PATCH safe.
public struct TaskUpdate: Sendable, Encodable, Equatable {
    /// The task to change.
    public var id: String
    /// A new title (non-empty).
    public var title: String?
    /// A new prompt (non-empty).
    public var prompt: String?
    /// A 5-field cron in the API's dialect; check ranges before sending.
    public var schedule: String?
    /// `false` pauses the task, `true` resumes it.
    public var enabled: Bool?
    /// An IANA zone name; the cron is then read in that zone.
    public var timezone: String?
    /// A new AI model name (non-empty).
    public var model: String?
    /// Another artist account for the task to work for.
    public var artistAccountID: String?

    /// An update of task `id`; pass only the fields that change.
    public init(
        id: String, title: String? = nil, prompt: String? = nil, schedule: String? = nil, enabled: Bool? = nil,
        timezone: String? = nil, model: String? = nil, artistAccountID: String? = nil
    ) {
        self.id = id
        self.title = title
        self.prompt = prompt
        self.schedule = schedule
        self.enabled = enabled
        self.timezone = timezone
        self.model = model
        self.artistAccountID = artistAccountID
    }

    /// True when no field besides `id` is set.
    public var isEmpty: Bool {
        title == nil && prompt == nil && schedule == nil && enabled == nil && timezone == nil && model == nil
            && artistAccountID == nil
    }

    enum CodingKeys: String, CodingKey {
        case id, title, prompt, schedule, enabled, timezone, model
        case artistAccountID = "artist_account_id"
    }

    /// Writes `id` and the fields that are set, nothing else.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(prompt, forKey: .prompt)
        try container.encodeIfPresent(schedule, forKey: .schedule)
        try container.encodeIfPresent(enabled, forKey: .enabled)
        try container.encodeIfPresent(timezone, forKey: .timezone)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(artistAccountID, forKey: .artistAccountID)
    }
}

/// The body of `POST /api/tasks`.
public struct NewTask: Sendable, Encodable, Equatable {
    /// The task's name (non-empty).
    public var title: String
    /// The instruction the agent runs (non-empty).
    public var prompt: String
    /// A 5-field cron in the API's dialect.
    public var schedule: String
    /// The owner account; the credential must be allowed to act for it.
    public var accountID: String
    /// The artist account the task works for.
    public var artistAccountID: String
    /// The AI model name; the API's default when nil.
    public var model: String?

    /// A task to create for `accountID`, working for `artistAccountID`.
    public init(
        title: String, prompt: String, schedule: String, accountID: String, artistAccountID: String,
        model: String? = nil
    ) {
        self.title = title
        self.prompt = prompt
        self.schedule = schedule
        self.accountID = accountID
        self.artistAccountID = artistAccountID
        self.model = model
    }

    enum CodingKeys: String, CodingKey {
        case title, prompt, schedule, model
        case accountID = "account_id"
        case artistAccountID = "artist_account_id"
    }
}
