/// The body of `PATCH /api/tasks`: the task's id plus only the fields that change.
///
/// Fields left nil are not sent. The API takes absolute values, so sending the same update twice
/// leaves the same task; that is what makes a retried PATCH safe.
public struct TaskUpdate: Sendable, Encodable, Equatable {
    /// The task to change.
    public var id: String
    public var title: String?
    public var prompt: String?
    /// A 5-field cron in the API's dialect; check ranges before sending.
    public var schedule: String?
    public var enabled: Bool?
    /// An IANA zone name; the cron is then read in that zone.
    public var timezone: String?
    public var model: String?
    public var artistAccountID: String?

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
    public var title: String
    public var prompt: String
    public var schedule: String
    public var accountID: String
    public var artistAccountID: String
    public var model: String?

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
