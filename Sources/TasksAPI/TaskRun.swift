import Foundation
import Support

/// One run of a task in the job runner, as `recent_runs` and `GET /api/tasks/runs` report it.
///
/// Only `id` and `status` are required; every other field is optional and unknown fields are ignored.
public struct TaskRun: Sendable, Codable, Equatable {
    /// The run id in the job runner.
    public var id: String
    /// One of `PENDING_VERSION`, `DELAYED`, `QUEUED`, `EXECUTING`, `REATTEMPTING`, `FROZEN`, `COMPLETED`,
    /// `CANCELED`, `FAILED`, `CRASHED`, `INTERRUPTED`, `SYSTEM_FAILURE`; kept as text so a new status
    /// does not break decoding.
    public var status: String
    /// The job-runner task the run belongs to.
    public var taskIdentifier: String?
    /// When the run was queued.
    public var createdAt: Date?
    /// When the run last changed status.
    public var updatedAt: Date?
    /// When the run began executing, if it has.
    public var startedAt: Date?
    /// When the run ended, if it has.
    public var finishedAt: Date?
    /// True for a test run started by hand.
    public var isTest: Bool?
    /// The job runner's tags.
    public var tags: [String]?

    /// A run with every field given; only `id` and `status` are required.
    public init(
        id: String, status: String, taskIdentifier: String? = nil, createdAt: Date? = nil, updatedAt: Date? = nil,
        startedAt: Date? = nil, finishedAt: Date? = nil, isTest: Bool? = nil, tags: [String]? = nil
    ) {
        self.id = id
        self.status = status
        self.taskIdentifier = taskIdentifier
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.isTest = isTest
        self.tags = tags
    }

    /// True for the statuses that end a run without success.
    public var isFailure: Bool {
        ["FAILED", "CRASHED", "INTERRUPTED", "SYSTEM_FAILURE", "CANCELED"].contains(status)
    }

    enum CodingKeys: String, CodingKey {
        case id, status, taskIdentifier, createdAt, updatedAt, startedAt, finishedAt, isTest, tags
    }

    /// Decodes tolerantly: unknown fields are ignored, unreadable instants read as nil.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        status = try container.decode(String.self, forKey: .status)
        taskIdentifier = try container.decodeIfPresent(String.self, forKey: .taskIdentifier)
        createdAt = try Self.instant(container, .createdAt)
        updatedAt = try Self.instant(container, .updatedAt)
        startedAt = try Self.instant(container, .startedAt)
        finishedAt = try Self.instant(container, .finishedAt)
        isTest = try container.decodeIfPresent(Bool.self, forKey: .isTest)
        tags = try container.decodeIfPresent([String].self, forKey: .tags)
    }

    /// Encodes with instants in ISO-8601 with milliseconds; absent start and finish as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(taskIdentifier, forKey: .taskIdentifier)
        try container.encodeIfPresent(createdAt.map(Self.text), forKey: .createdAt)
        try container.encodeIfPresent(updatedAt.map(Self.text), forKey: .updatedAt)
        try container.encode(startedAt.map(Self.text), forKey: .startedAt)
        try container.encode(finishedAt.map(Self.text), forKey: .finishedAt)
        try container.encodeIfPresent(isTest, forKey: .isTest)
        try container.encodeIfPresent(tags, forKey: .tags)
    }

    private static func text(_ date: Date) -> String { ISO8601.string(from: date, fractional: true) }

    /// An optional ISO-8601 instant; null, absent and unreadable text all read as nil.
    private static func instant(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date? {
        try container.decodeIfPresent(String.self, forKey: key).flatMap(ISO8601.date(from:))
    }
}
