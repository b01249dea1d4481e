import ChatKit
import Foundation
import TasksAPI

extension Messages {
    /// `show`: the task's fields, schedule in English, next runs and recent runs.
    func show(_ task: TaskRecord, snooze: SnoozeTimer?) -> ChatMessage {
        let taskZone = Messages.taskZone(task)
        var message = ChatMessage(title: "\(Messages.label(task.title, task.id))")
        message.rows = [
            Row("Status", Messages.status(task.isEnabled)),
            Row("Schedule", "\(schedule(task.schedule)) in \(TimeText.name(taskZone))"),
            Row("Id", task.id),
            Row("Prompt", Messages.clip(task.prompt)),
        ]
        if let snooze {
            message.rows.append(
                Row(
                    "Resumes",
                    "\(TimeText.short(snooze.resumeAt, in: zone)) (\(TimeText.relative(snooze.resumeAt, from: now)))"))
        }
        if task.isEnabled {
            let runs = nextRuns(task.schedule, taskZone: taskZone)
            message.rows.append(Row("Next runs", runs.isEmpty ? "none" : runs.joined(separator: ", ")))
        }
        let recent = task.recentRuns.prefix(3).map { run in
            let when = run.createdAt.map { TimeText.short($0, in: zone) } ?? "unknown time"
            return "\(when) \(run.status.lowercased())"
        }
        message.rows.append(Row("Recent runs", recent.isEmpty ? "none" : recent.joined(separator: "; ")))
        message.notes.append("Times are shown in \(TimeText.name(zone)).")
        return message
    }

    /// `list`: status and next run per task, one page at a time.
    func list(_ tasks: [TaskRecord], page: Int, pageSize: Int, snoozes: [String: SnoozeTimer]) -> ChatMessage {
        let sorted = tasks.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        let pages = max(1, (sorted.count + pageSize - 1) / pageSize)
        let page = min(max(page, 1), pages)
        let slice = sorted.dropFirst((page - 1) * pageSize).prefix(pageSize)
        var message = ChatMessage(title: "Tasks (\(sorted.count)), page \(page) of \(pages)")
        if sorted.isEmpty {
            message.lines.append("This API key sees no tasks.")
        }
        for task in slice {
            var state = Messages.status(task.isEnabled)
            if let snooze = snoozes[task.id] {
                state += " until \(TimeText.short(snooze.resumeAt, in: zone))"
            } else if task.isEnabled,
                let run = nextRuns(task.schedule, taskZone: Messages.taskZone(task), count: 1).first
            {
                state += ", next \(run)"
            }
            message.rows.append(Row("\(task.id.prefix(8)) \(task.title)", state))
        }
        if page < pages { message.notes.append("More: `/tasks list \(page + 1)`.") }
        message.notes.append("Times are shown in \(TimeText.name(zone)). Details: `/tasks show <id>`.")
        return message
    }

    /// `history`: the last changes of a task, newest first.
    func history(_ entries: [AuditEntry], taskLabel: String) -> ChatMessage {
        var message = ChatMessage(title: "Changes of \(taskLabel), newest first")
        if entries.isEmpty { message.lines.append("No changes made through taskbot yet.") }
        for entry in entries {
            let who = entry.user == "taskbot" ? "taskbot (timed pause ended)" : Mention.of(entry.user)
            let changes = rows(before: entry.before, after: entry.after)
                .map { "\($0.label.lowercased()) \($0.before) → \($0.after ?? "")" }
                .joined(separator: "; ")
            message.rows.append(Row("\(TimeText.short(entry.at, in: zone)) by \(who)", changes))
        }
        return message
    }

    /// Several tasks match a reference: one button each to pick.
    func candidates(_ tasks: [TaskRecord], typed: String, selectionID: String, maximum: Int) -> ChatMessage {
        var message = ChatMessage(title: "“\(typed)” matches \(tasks.count) tasks. Which one did you mean?")
        for task in tasks.prefix(maximum) {
            message.rows.append(Row("\(task.id.prefix(8)) \(task.title)", Messages.status(task.isEnabled)))
            message.buttons.append(
                Button(
                    Messages.clip("\(task.id.prefix(8)) \(task.title)", to: 70), actionID: "pick",
                    value: "\(selectionID):\(task.id)")
            )
        }
        if tasks.count > maximum {
            message.notes.append("Showing \(maximum) of \(tasks.count); type more of the id or title to narrow it.")
        }
        return message
    }

    /// `help`: every command with an example.
    static func help() -> ChatMessage {
        let lines = [
            "`/tasks list` — your tasks with status and next run (`/tasks list 2` for the next page)",
            "`/tasks show aade` — one task: schedule, next runs, recent runs",
            "`/tasks pause aade` — stop a task; `pause aade for 2h` or `until Monday 9am` resumes by itself",
            "`/tasks resume aade` — start it again",
            "`/tasks move aade to Thursday 10am` — new schedule; `to 3pm` keeps the days, `to Friday` keeps the time",
            "`/tasks move aade to weekdays at 9am PT` — a zone name sets the task's time zone",
            "`/tasks rename aade to Weekly sync` — new title, taken verbatim",
            "`/tasks set prompt of aade to Summarise this week's releases` — new prompt, verbatim",
            "`/tasks pause all` · `/tasks pause all for artist <id>` · `/tasks resume all` — many tasks at once",
            "`/tasks undo` — revert your last change · `/tasks history aade` — the last 10 changes",
            "`/tasks timezone Europe/Berlin` — the zone your times are shown in",
            "Tasks can be named by id (4+ characters), by title words, or as `it` for the last one you used.",
        ]
        return ChatMessage(title: "What I can do", lines: lines)
    }
}
