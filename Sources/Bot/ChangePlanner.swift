import Commands
import Foundation
import Schedule
import TasksAPI

/// Turns a parsed command and the task it names into the exact field changes, or a refusal that says
/// why nothing would change. Pure: no I/O, so it is tested by tables.
struct ChangePlanner {
    let now: Date
    let userZone: TimeZone
    let snoozeLimits: ClosedRange<TimeInterval>

    /// The planned change of one task, and when a snooze ends.
    struct Plan: Equatable {
        var item: ChangeItem
        var resumeAt: Date?
    }

    /// Why a command changes nothing or cannot be planned, in the words the user reads.
    struct Refusal: Error, Equatable {
        let message: String
    }

    func plan(_ edit: TaskEdit, verb: Verb, for task: TaskRecord) -> Result<Plan, Refusal> {
        // Only the fields that really change: a zone named with the same schedule shows (and PATCHes) the
        // zone alone. A timed pause keeps `enabled` even on a paused task, so that its timer is set.
        var before = TaskFields()
        var after = TaskFields()
        if let enabled = edit.enabled, enabled != task.isEnabled || edit.snooze != nil {
            before.enabled = task.isEnabled
            after.enabled = enabled
        }
        if let title = edit.title, title != task.title {
            before.title = task.title
            after.title = title
        }
        if let prompt = edit.prompt, prompt != task.prompt {
            before.prompt = task.prompt
            after.prompt = prompt
        }
        if let zone = edit.timezone, zone != (task.timezone ?? "UTC") {
            before.timezone = task.timezone ?? "UTC"
            after.timezone = zone
        }
        if let scheduleEdit = edit.schedule {
            switch newSchedule(scheduleEdit, for: task) {
            case .success(let schedule):
                let current = (try? CronExpression(parsing: task.schedule))?.normalized ?? task.schedule
                if schedule != current {
                    before.schedule = task.schedule
                    after.schedule = schedule
                }
            case .failure(let refusal):
                return .failure(refusal)
            }
        }
        var resumeAt: Date?
        if let snooze = edit.snooze {
            switch resumeTime(snooze) {
            case .success(let date): resumeAt = date
            case .failure(let refusal): return .failure(refusal)
            }
        }
        let item = ChangeItem(taskID: task.id, title: task.title, before: before, after: after)
        if before == after && resumeAt == nil {
            return .failure(Refusal(message: unchangedMessage(verb: verb, task: task)))
        }
        return .success(Plan(item: item, resumeAt: resumeAt))
    }

    private func newSchedule(_ edit: ScheduleEdit, for task: TaskRecord) -> Result<String, Refusal> {
        guard let current = try? CronExpression(parsing: task.schedule) else {
            return .failure(
                Refusal(
                    message: "The task's current schedule `\(task.schedule)` is not one I can read, so I can't "
                        + "keep part of it. Give a full schedule, for example `move it to weekdays at 9am`."
                )
            )
        }
        return .success(edit.applied(to: current).normalized)
    }

    private func resumeTime(_ snooze: Snooze) -> Result<Date, Refusal> {
        let resumeAt: Date
        switch snooze {
        case .duration(let seconds):
            resumeAt = now.addingTimeInterval(TimeInterval(seconds))
        case .until(let cron):
            guard let next = cron.nextRuns(after: now, in: userZone, count: 1).first else {
                return .failure(Refusal(message: "That time never comes, so the task would never resume."))
            }
            resumeAt = next
        }
        let length = resumeAt.timeIntervalSince(now)
        if length < snoozeLimits.lowerBound {
            return .failure(Refusal(message: "A pause must last at least 1 minute; use `pause` without a time."))
        }
        if length > snoozeLimits.upperBound {
            return .failure(
                Refusal(
                    message: "A timed pause can last at most 30 days. Use `pause` without a time and `resume` later.")
            )
        }
        return .success(resumeAt)
    }

    private func unchangedMessage(verb: Verb, task: TaskRecord) -> String {
        let name = "“\(task.title)” (\(task.id.prefix(8)))"
        switch verb {
        case .pause: return "\(name) is already paused. Nothing to change."
        case .resume: return "\(name) is already running. Nothing to change."
        case .rename: return "\(name) already has that title. Nothing to change."
        case .setPrompt: return "\(name) already has that prompt. Nothing to change."
        default: return "\(name) already runs on that schedule. Nothing to change."
        }
    }
}
