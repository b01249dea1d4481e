import ChatKit
import Commands
import Foundation
import Schedule
import TasksAPI

/// Builds every message the conversation shows. Each says what happened and what to do next.
struct Messages {
    let now: Date
    /// The reader's zone; times are shown in it.
    let zone: TimeZone

    // MARK: Schedules

    /// "at 10:00 on Thursday (`0 10 * * 4`)", or the raw cron when it cannot be read.
    func schedule(_ cron: String) -> String {
        guard let expression = try? CronExpression(parsing: cron) else { return "`\(cron)`" }
        return "\(expression.describe()) (`\(expression.normalized)`)"
    }

    /// The next `count` runs of `cron` read in `taskZone`, shown in the reader's zone.
    func nextRuns(_ cron: String, taskZone: TimeZone, count: Int = 3) -> [String] {
        guard let expression = try? CronExpression(parsing: cron) else { return [] }
        return expression.nextRuns(after: now, in: taskZone, count: count).map { TimeText.short($0, in: zone) }
    }

    /// Warnings about a schedule in its zone: daylight-saving gaps and repeats, uneven intervals.
    func warnings(_ cron: String, taskZone: TimeZone) -> [String] {
        guard let expression = try? CronExpression(parsing: cron) else { return [] }
        return expression.warnings(in: taskZone, after: now).map { "⚠️ \($0.message)" }
    }

    static func taskZone(_ task: TaskRecord) -> TimeZone {
        task.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
    }

    static func label(_ title: String, _ id: String) -> String { "“\(title)” (\(id.prefix(8)))" }

    // MARK: Previews and results

    /// The preview of a pending change, with Confirm and Cancel.
    func preview(_ change: PendingChange, tasks: [String: TaskRecord]) -> ChatMessage {
        var message: ChatMessage
        if change.items.count == 1, let item = change.items.first {
            message = singlePreview(change, item: item, task: tasks[item.taskID])
        } else {
            message = bulkPreview(change, tasks: tasks)
        }
        message.notes.append("Times are shown in \(TimeText.name(zone)).")
        let expiry = TimeText.short(change.expiresAt, in: zone)
        message.notes.append(
            "This preview expires at \(expiry) (\(TimeText.relative(change.expiresAt, from: now))). "
                + "No buttons? Type `/tasks confirm \(change.code)` or `/tasks cancel \(change.code)`."
        )
        message.buttons = [
            Button("Confirm", actionID: "confirm", value: change.id, style: .primary),
            Button("Cancel", actionID: "cancel", value: change.id),
        ]
        return message
    }

    private func singlePreview(_ change: PendingChange, item: ChangeItem, task: TaskRecord?) -> ChatMessage {
        let verb = Messages.verbPhrase(change, item: item)
        var message = ChatMessage(title: "\(verb) \(Messages.label(item.title, item.taskID))?")
        message.rows = rows(before: item.before, after: item.after)
        let taskZone = task.map(Messages.taskZone) ?? TimeZone(identifier: "UTC")!
        let afterZone = item.after.timezone.flatMap(TimeZone.init(identifier:)) ?? taskZone
        let enabledAfter = item.after.enabled ?? task?.isEnabled ?? true
        let cron = item.after.schedule ?? task?.schedule
        if let resumeAt = change.resumeAt {
            message.rows.append(
                Row("Resumes", "\(TimeText.short(resumeAt, in: zone)) (\(TimeText.relative(resumeAt, from: now)))"))
        }
        if let cron, enabledAfter || change.resumeAt != nil {
            let runs = nextRuns(cron, taskZone: afterZone)
            let label = enabledAfter ? "Next runs" : "Then runs"
            message.rows.append(Row(label, runs.isEmpty ? "none" : runs.joined(separator: ", ")))
            if item.after.schedule != nil || item.after.timezone != nil {
                message.notes += warnings(cron, taskZone: afterZone)
            }
        } else if !enabledAfter {
            message.rows.append(Row("Next runs", "none until someone resumes it"))
        }
        return message
    }

    private func bulkPreview(_ change: PendingChange, tasks: [String: TaskRecord]) -> ChatMessage {
        let pausing = change.items.first?.after.enabled == false
        let action = change.kind == .undo ? "Undo the change of" : (pausing ? "Pause" : "Resume")
        var message = ChatMessage(title: "\(action) \(change.items.count) tasks?")
        for item in change.items {
            let task = tasks[item.taskID]
            var state = Messages.status(task?.isEnabled ?? true)
            if let task, task.isEnabled,
                let run = nextRuns(task.schedule, taskZone: Messages.taskZone(task), count: 1).first
            {
                state += ", next run \(run)"
            }
            message.rows.append(Row(Messages.label(item.title, item.taskID), state))
        }
        if let resumeAt = change.resumeAt {
            message.rows.append(
                Row("Resume", "\(TimeText.short(resumeAt, in: zone)) (\(TimeText.relative(resumeAt, from: now)))"))
        }
        return message
    }

    /// The rows of a before → after table.
    func rows(before: TaskFields, after: TaskFields) -> [Row] {
        var rows: [Row] = []
        if let value = after.enabled {
            rows.append(Row("Status", Messages.status(before.enabled ?? true), after: Messages.status(value)))
        }
        if let value = after.schedule {
            rows.append(Row("Schedule", before.schedule.map(schedule) ?? "none", after: schedule(value)))
        }
        if let value = after.timezone {
            rows.append(Row("Time zone", before.timezone ?? "UTC", after: value))
        }
        if let value = after.title { rows.append(Row("Title", before.title ?? "", after: value)) }
        if let value = after.prompt {
            rows.append(Row("Prompt", Messages.clip(before.prompt ?? ""), after: Messages.clip(value)))
        }
        return rows
    }

    static func status(_ enabled: Bool) -> String { enabled ? "running" : "paused" }

    static func clip(_ text: String, to limit: Int = 300) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static func verbPhrase(_ change: PendingChange, item: ChangeItem) -> String {
        if change.kind == .undo { return "Undo your last change of" }
        if item.after.enabled == false { return change.resumeAt == nil ? "Pause" : "Pause for a while" }
        if item.after.enabled == true { return "Resume" }
        if item.after.schedule != nil || item.after.timezone != nil { return "Reschedule" }
        if item.after.title != nil { return "Rename" }
        return "Change"
    }

    /// The message that replaces a preview once the worker is done with it.
    func result(_ change: PendingChange, tasks: [String: TaskRecord]) -> ChatMessage {
        let applied = change.items.filter(\.isApplied)
        let by = "by \(Mention.of(change.user))"
        if change.items.count == 1, let item = change.items.first {
            guard item.isApplied else {
                return ChatMessage(
                    title: "Nothing changed on \(Messages.label(item.title, item.taskID)).",
                    lines: [item.outcome ?? change.stateReason ?? "The change could not be applied."],
                    replacesOriginal: true
                )
            }
            var message = ChatMessage(
                title: "\(Messages.pastTense(change, item: item)) \(Messages.label(item.title, item.taskID)) \(by).",
                rows: rows(before: item.before, after: item.after), replacesOriginal: true
            )
            if let resumeAt = change.resumeAt {
                message.rows.append(Row("Resumes", TimeText.short(resumeAt, in: zone)))
            }
            if let task = tasks[item.taskID], task.isEnabled,
                let run = nextRuns(task.schedule, taskZone: Messages.taskZone(task), count: 1).first
            {
                message.rows.append(Row("Next run", run))
            }
            message.notes.append("Undo with `/tasks undo`.")
            return message
        }
        var message = ChatMessage(
            title: "Changed \(applied.count) of \(change.items.count) tasks \(by).", replacesOriginal: true
        )
        for item in change.items {
            let outcome = item.isApplied ? "done" : "not changed: \(item.outcome ?? "not attempted")"
            message.rows.append(Row(Messages.label(item.title, item.taskID), outcome))
        }
        if !applied.isEmpty { message.notes.append("Undo the whole batch with `/tasks undo`.") }
        return message
    }

    static func pastTense(_ change: PendingChange, item: ChangeItem) -> String {
        if change.kind == .undo { return "Reverted" }
        if item.after.enabled == false { return "Paused" }
        if item.after.enabled == true { return "Resumed" }
        if item.after.schedule != nil || item.after.timezone != nil { return "Rescheduled" }
        if item.after.title != nil { return "Renamed" }
        return "Changed"
    }

    // MARK: Short notes

    static func note(_ title: String, _ lines: String..., replacing: Bool = false) -> ChatMessage {
        ChatMessage(title: title, lines: lines, replacesOriginal: replacing)
    }
}
