import ChatKit
import Foundation
import TasksAPI

extension Worker {
    /// Resumes tasks whose timed pause has ended, records it in the audit log and tells the channel.
    func resumeSnoozes(now: Date) async throws {
        for timer in try store.dueSnoozes(now: now) {
            let retryAt = snoozeRetryDate(timer.taskID)
            if let retryAt, retryAt > now { continue }
            await resume(timer, now: now)
        }
    }

    private func resume(_ timer: SnoozeTimer, now: Date) async {
        let requestID = "snooze-\(timer.taskID.prefix(8))-\(Int(now.timeIntervalSince1970))"
        do {
            let task = try await client.getTask(id: timer.taskID, requestID: requestID)
            if !task.isEnabled {
                _ = try await client.updateTask(
                    TaskUpdate(id: timer.taskID, enabled: true), requestID: requestID)
                try store.appendAudit([
                    AuditEntry(
                        at: clock.now(), platform: timer.platform, workspace: timer.workspace, user: "taskbot",
                        taskID: timer.taskID, taskTitle: task.title, before: TaskFields(enabled: false),
                        after: TaskFields(enabled: true), requestID: requestID, batchID: "snooze-end-\(timer.batchID)"
                    )
                ])
                logger.info("timed pause ended", ["task_id": timer.taskID, "request_id": requestID])
                await announce(timer, task: task, requestID: requestID)
            }
            try store.removeSnooze(taskID: timer.taskID)
            setSnoozeRetry(timer.taskID, nil)
        } catch TasksAPIError.notFound {
            try? store.removeSnooze(taskID: timer.taskID)
        } catch {
            logger.warning("could not end a timed pause; will retry", ["task_id": timer.taskID, "error": "\(error)"])
            setSnoozeRetry(timer.taskID, clock.now().addingTimeInterval(30))
        }
    }

    private func announce(_ timer: SnoozeTimer, task: TaskRecord, requestID: String) async {
        guard let platform = platforms[timer.platform] else { return }
        let message = ChatMessage(
            title: "\(Messages.label(task.title, task.id)) is running again: the timed pause by "
                + "\(Mention.of(timer.user)) ended.",
            visibility: .channel
        )
        _ = await platform.post(message, channel: timer.channel, requestID: requestID)
    }
}
