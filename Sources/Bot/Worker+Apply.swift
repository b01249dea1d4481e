import ChatKit
import Foundation
import TasksAPI

extension Worker {
    /// Applies one claimed change: re-read each task, PATCH it when it still has the previewed values,
    /// and report. A task that already has the new values counts as applied without a second PATCH when
    /// this change had sent its PATCH before a crash; otherwise someone else set them, and nothing is
    /// applied or credited to this user.
    func apply(_ claimed: PendingChange) async {
        var change = claimed
        var transient: TasksAPIError?
        var current: [String: TaskRecord] = [:]
        for index in change.items.indices where change.items[index].outcome == nil {
            let item = change.items[index]
            do {
                let task = try await client.getTask(id: item.taskID, requestID: change.requestID)
                current[task.id] = task
                let now = Conversation.fields(of: task).restricted(to: item.after)
                if now == item.after {
                    change.items[index].outcome =
                        item.patchSent == true ? ChangeItem.appliedOutcome : ChangeItem.alreadySetOutcome
                    continue
                }
                guard now == item.before else {
                    if change.kind == .edit && change.items.count == 1 {
                        return await supersede(change)
                    }
                    change.items[index].outcome = "It changed after the preview, so I left it alone."
                    continue
                }
                guard markPatchSent(&change, item: index) else { return }
                let updated = try await client.updateTask(Worker.update(item), requestID: change.requestID)
                current[updated.id] = updated
                change.items[index].outcome = ChangeItem.appliedOutcome
                logger.info(
                    "task changed",
                    [
                        "request_id": change.requestID, "change_id": change.id, "task_id": item.taskID,
                        "fields": item.after.names.joined(separator: ","),
                    ]
                )
            } catch  where error.isTransient {
                transient = error
                break
            } catch {
                change.items[index].outcome = error.userMessage
            }
        }
        if transient != nil, Task.isCancelled {
            // The bot is stopping: keep the progress and leave the change claimed for the next start,
            // without telling the user of an outage that is only ours.
            saveProgress(change)
        } else if let transient {
            await retryLater(change, error: transient)
        } else {
            finish(change, tasks: current)
        }
    }

    @discardableResult
    private func saveProgress(_ change: PendingChange) -> Bool {
        do {
            try store.update(change)
            return true
        } catch {
            logger.error("could not save a change's progress", ["change_id": change.id, "error": "\(error)"])
            return false
        }
    }

    /// Commits that item `index` is about to be PATCHed; false (and the change left claimed for the next
    /// round) when the store cannot record it, since a PATCH it cannot account for must not be sent.
    private func markPatchSent(_ change: inout PendingChange, item index: Int) -> Bool {
        guard change.items[index].patchSent != true else { return true }
        change.items[index].patchSent = true
        return saveProgress(change)
    }

    static func update(_ item: ChangeItem) -> TaskUpdate {
        TaskUpdate(
            id: item.taskID, title: item.after.title, prompt: item.after.prompt, schedule: item.after.schedule,
            enabled: item.after.enabled, timezone: item.after.timezone
        )
    }

    /// The tasks API is unavailable: try again later, tell the user once, give up after the window.
    private func retryLater(_ claimed: PendingChange, error: TasksAPIError) async {
        var change = claimed
        let now = clock.now()
        let deadline = (change.claimedAt ?? now).addingTimeInterval(configuration.applyRetryWindow)
        change.attempts += 1
        retries?.increment()
        logger.warning(
            "change not applied yet; will retry",
            [
                "request_id": change.requestID, "change_id": change.id, "attempt": "\(change.attempts)",
                "error": "\(error)",
            ]
        )
        guard now < deadline else {
            for index in change.items.indices where change.items[index].outcome == nil {
                change.items[index].outcome =
                    "\(error.userMessage) I kept trying for \(Int(configuration.applyRetryWindow / 60)) minutes."
            }
            return finish(change, tasks: [:])
        }
        change.nextAttemptAt = min(deadline, now.addingTimeInterval(backoff(attempt: change.attempts)))
        do {
            if !change.toldPending {
                change.toldPending = true
                let zone = TimeZone(identifier: change.zone) ?? TimeZone(identifier: "UTC")!
                let message = ChatMessage(
                    title: "Your change is saved but not applied yet: \(error.userMessage)",
                    lines: [
                        "I'll keep trying until \(TimeText.short(deadline, in: zone)) and report here. "
                            + "No need to run the command again."
                    ],
                    replacesOriginal: true
                )
                if let reply = reply(message, for: change) { try store.enqueue(reply) }
            }
            try store.update(change)
        } catch {
            logger.error("could not save a change's progress", ["change_id": change.id, "error": "\(error)"])
        }
    }

    /// The task changed since the preview: apply nothing and show a fresh preview instead.
    private func supersede(_ claimed: PendingChange) async {
        var change = claimed
        change.state = .superseded
        change.stateReason = "The task changed after the preview."
        let fresh = await conversation.refreshedPreview(for: change)
        do {
            try store.complete(
                change, audit: [], reply: reply(fresh, for: change), snoozes: [], cancellingSnoozesOf: [])
        } catch {
            logger.error("could not record a superseded change", ["change_id": change.id, "error": "\(error)"])
        }
    }

    /// Records the outcome, the audit entries, snooze timers and the result reply in one transaction.
    private func finish(_ attempted: PendingChange, tasks: [String: TaskRecord]) {
        var change = attempted
        let now = clock.now()
        let applied = change.items.filter(\.isApplied)
        change.state = applied.isEmpty ? .failed : .applied
        if applied.isEmpty { change.stateReason = change.items.first?.outcome }
        let audit = applied.map { item in
            AuditEntry(
                at: now, platform: change.platform, workspace: change.workspace, user: change.user,
                taskID: item.taskID, taskTitle: item.title, before: item.before, after: item.after,
                requestID: change.requestID, batchID: change.id, revertsBatch: change.undoes
            )
        }
        var snoozes: [SnoozeTimer] = []
        if let resumeAt = change.resumeAt {
            snoozes = applied.filter { $0.after.enabled == false }.map { item in
                SnoozeTimer(
                    taskID: item.taskID, taskTitle: item.title, resumeAt: resumeAt, platform: change.platform,
                    workspace: change.workspace, channel: change.channel, user: change.user, batchID: change.id
                )
            }
        }
        let resumed = applied.filter { $0.after.enabled == true }.map(\.taskID)
        let zone = TimeZone(identifier: change.zone) ?? TimeZone(identifier: "UTC")!
        let message = Messages(now: now, zone: zone).result(change, tasks: tasks)
        do {
            try store.complete(
                change, audit: audit, reply: reply(message, for: change), snoozes: snoozes,
                cancellingSnoozesOf: resumed)
            logger.info(
                "change finished",
                [
                    "request_id": change.requestID, "change_id": change.id, "state": change.state.rawValue,
                    "applied": "\(applied.count)", "items": "\(change.items.count)",
                ]
            )
        } catch {
            logger.error("could not record a finished change", ["change_id": change.id, "error": "\(error)"])
        }
    }
}
