import Foundation
import Schedule

/// What a person asked for, parsed from the text after the slash command. Pure data: resolving the
/// task and building the API patch happen later, where the current task is known.
public struct Command: Sendable, Equatable {
    public var verb: Verb
    /// The task the command is about, or nil for commands that take none (`list`, `help`, `undo`).
    public var task: TaskReference?
    /// The field changes asked for; empty for read-only verbs.
    public var edit: TaskEdit
    /// The verb's plain argument: the code of `confirm`/`cancel`, the page of `list`, the topic of `help`,
    /// the zone name of `timezone`.
    public var argument: String?

    public init(verb: Verb, task: TaskReference? = nil, edit: TaskEdit = TaskEdit(), argument: String? = nil) {
        self.verb = verb
        self.task = task
        self.edit = edit
        self.argument = argument
    }
}

/// The verbs of the command language. Raw values are the canonical names printed by `taskbot parse`.
public enum Verb: String, Sendable, CaseIterable {
    case pause, resume, move, rename
    case setPrompt = "set-prompt"
    case show, list, help, undo, history, timezone, confirm, cancel
}

/// How the person named the task.
public struct TaskReference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A full UUID, lower-cased.
        case id(String)
        /// Four or more hex characters that start an id, lower-cased.
        case prefix(String)
        /// A quoted title or title words, as typed.
        case title(String)
        /// "it" or "that task": the last task this user touched in this channel.
        case lastTouched
        /// Every task the key can see, or every task of one artist.
        case all(artistID: String?)
    }

    public var kind: Kind
    /// The reference exactly as typed, for messages ("no task matches `aadx`").
    public var typed: String

    public init(_ kind: Kind, typed: String) {
        self.kind = kind
        self.typed = typed
    }
}

/// Field changes of one command. Nil fields stay as they are.
public struct TaskEdit: Sendable, Equatable {
    /// A change to the schedule, applied relative to the current cron.
    public var schedule: ScheduleEdit?
    /// An IANA zone named in the command, for the patch's `timezone`.
    public var timezone: String?
    public var enabled: Bool?
    /// A new title, verbatim.
    public var title: String?
    /// A new prompt, verbatim.
    public var prompt: String?
    /// For `pause ... for 2h` / `until Monday 9am`: when the task resumes by itself.
    public var snooze: Snooze?

    public init(
        schedule: ScheduleEdit? = nil, timezone: String? = nil, enabled: Bool? = nil, title: String? = nil,
        prompt: String? = nil, snooze: Snooze? = nil
    ) {
        self.schedule = schedule
        self.timezone = timezone
        self.enabled = enabled
        self.title = title
        self.prompt = prompt
        self.snooze = snooze
    }

    /// True when the command changes nothing.
    public var isEmpty: Bool {
        schedule == nil && timezone == nil && enabled == nil && title == nil && prompt == nil && snooze == nil
    }
}

/// When a snoozed (paused) task resumes by itself.
public enum Snooze: Sendable, Equatable {
    /// After this many seconds from the moment the change is applied.
    case duration(seconds: Int)
    /// At the next instant the given wall-clock schedule matches, in the user's zone
    /// ("until Monday 9am" is `0 9 * * 1`).
    case until(CronExpression)
}
