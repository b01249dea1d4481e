import Commands
import Schedule
import Testing

/// What a command must parse to, as `taskbot parse` shows it: the verb, the task reference as typed and
/// the exact API patch against a task running `0 9 * * 1` (Monday 09:00), plus a timed pause.
struct ParsedCommand: Sendable, CustomTestStringConvertible {
    static let currentCron = "0 9 * * 1"

    let verb: Verb
    let task: TaskReference?
    let patch: TaskPatch
    var snooze: Snooze?
    /// The verb's plain argument (the zone of `timezone`).
    var argument: String?

    init(
        _ verb: Verb, _ task: TaskReference?, _ patch: TaskPatch = TaskPatch(), snooze: Snooze? = nil,
        argument: String? = nil
    ) {
        self.verb = verb
        self.task = task
        self.patch = patch
        self.snooze = snooze
        self.argument = argument
    }

    var testDescription: String { "\(verb.rawValue) \(task?.typed ?? "-") \(patch.json)" }

    static func ref(_ kind: TaskReference.Kind, _ typed: String) -> TaskReference {
        TaskReference(kind, typed: typed)
    }

    static func title(_ words: String) -> TaskReference { TaskReference(.title(words), typed: words) }

    /// Parses `text` and expects exactly `expected`.
    static func expect(_ text: String, parsesTo expected: ParsedCommand) throws {
        let command = try CommandParser.parse(text).get()
        let current = try CronExpression(parsing: currentCron)
        #expect(command.verb == expected.verb)
        #expect(command.task == expected.task)
        #expect(try command.patch(currentCron: current).get() == expected.patch)
        #expect(command.edit.snooze == expected.snooze)
        #expect(command.argument == expected.argument)
    }

    /// The refusal of `phrase` by the schedule reader itself, so that tables of command refusals do not
    /// repeat the schedule reader's sentences.
    static func scheduleRefusal(_ phrase: String) -> ScheduleRefusal? {
        guard case .failure(let refusal) = ScheduleEdit.parse(phrase) else { return nil }
        return refusal
    }
}
