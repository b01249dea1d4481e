import ChatKit
import Commands
import Foundation
import TasksAPI
import Testing

@testable import Bot

@Suite("Change planner and previews")
struct ChangePlannerTests {
    static let newYork = TimeZone(identifier: "America/New_York")!
    /// Fri 2026-12-04 09:00 EST, as in field report B11.
    static let friday = Date(timeIntervalSince1970: 1_796_392_800)

    static func task(schedule: String = "0 9 * * 1", enabled: Bool? = true, zone: String? = "America/New_York")
        -> TaskRecord
    {
        TaskRecord(
            id: "aade2bce-55c7-468e-a606-c4e76fb2ea2a", title: "Weekly Genre Pulse Check", prompt: "Summarise genres",
            schedule: schedule, accountID: "848cd58d-700f-4b38-ab4c-d9f52a1b2c3d",
            artistAccountID: "1873859c-dd37-4e9a-9bac-80d35a1b2c3d", enabled: enabled, timezone: zone)
    }

    func plan(_ text: String, task: TaskRecord = task(), now: Date = friday) throws -> ChangePlanner.Plan {
        let command = try CommandParser.parse(text).get()
        let planner = ChangePlanner(now: now, userZone: Self.newYork, snoozeLimits: 60...(30 * 86400))
        return try planner.plan(command.edit, verb: command.verb, for: task).get()
    }

    func refusal(_ text: String, task: TaskRecord = task()) throws -> String {
        let command = try CommandParser.parse(text).get()
        let planner = ChangePlanner(now: Self.friday, userZone: Self.newYork, snoozeLimits: 60...(30 * 86400))
        switch planner.plan(command.edit, verb: command.verb, for: task) {
        case .success(let plan): return "planned \(plan.item.after)"
        case .failure(let refusal): return refusal.message
        }
    }

    @Test("B11: Thursday 10am from a Friday gives next Thursday, never the day before")
    func b11() throws {
        let plan = try plan("move task aade to Thursday 10am")
        #expect(plan.item.before == TaskFields(schedule: "0 9 * * 1"))
        #expect(plan.item.after == TaskFields(schedule: "0 10 * * 4"))
        let messages = Messages(now: Self.friday, zone: Self.newYork)
        #expect(messages.nextRuns("0 10 * * 4", taskZone: Self.newYork, count: 1) == ["Thu 10 Dec 10:00 EST"])
    }

    @Test("only the fields that change are planned: a zone alone, a schedule written another way is no change")
    func unchangedFieldsLeftOut() throws {
        let zoneOnly = try plan("move task aade to Monday 9am PT")
        #expect(zoneOnly.item.before == TaskFields(timezone: "America/New_York"))
        #expect(zoneOnly.item.after == TaskFields(timezone: "America/Los_Angeles"))
        #expect(
            try refusal("move task aade to 0 9 * * 1", task: Self.task(schedule: "00 09 * * MON"))
                == "“Weekly Genre Pulse Check” (aade2bce) already runs on that schedule. Nothing to change.")
        let paused = try plan("pause aade for 2h", task: Self.task(enabled: false))
        #expect(paused.item.after == TaskFields(enabled: false))
        #expect(paused.resumeAt == Self.friday.addingTimeInterval(7200))
    }

    @Test("pause plans enabled true to false and refuses a task already paused")
    func pause() throws {
        #expect(try plan("pause task aade").item.after == TaskFields(enabled: false))
        #expect(
            try refusal("pause task aade", task: Self.task(enabled: false))
                == "“Weekly Genre Pulse Check” (aade2bce) is already paused. Nothing to change.")
        #expect(
            try refusal("resume aade", task: Self.task(enabled: nil))
                == "“Weekly Genre Pulse Check” (aade2bce) is already running. Nothing to change.")
    }

    @Test("a timed pause resumes at the next Monday 09:00 in the user's zone")
    func snoozeUntil() throws {
        let plan = try plan("pause aade until Monday 9am")
        #expect(plan.item.after == TaskFields(enabled: false))
        // Mon 2026-12-07 09:00 EST = 14:00 UTC.
        #expect(plan.resumeAt == Date(timeIntervalSince1970: 1_796_652_000))
    }

    @Test("a zone named in the command goes into the change")
    func zone() throws {
        let plan = try plan("move task aade to thursday 10am PT")
        #expect(plan.item.after == TaskFields(schedule: "0 10 * * 4", timezone: "America/Los_Angeles"))
        #expect(plan.item.before == TaskFields(schedule: "0 9 * * 1", timezone: "America/New_York"))
    }

    @Test("the preview shows before and after, next runs, expiry and both buttons")
    func preview() throws {
        let plan = try plan("move task aade to Thursday 10am")
        let change = PendingChange(
            id: "abc", code: "K7Q2", kind: .edit, platform: "slack", workspace: "T1", channel: "C1", user: "U1",
            commandText: "move task aade to Thursday 10am", items: [plan.item], replyURL: nil,
            zone: "America/New_York", requestID: "r1", createdAt: Self.friday,
            expiresAt: Self.friday.addingTimeInterval(900))
        let message = Messages(now: Self.friday, zone: Self.newYork).preview(
            change, tasks: [plan.item.taskID: Self.task()])
        #expect(message.title == "Reschedule “Weekly Genre Pulse Check” (aade2bce)?")
        #expect(
            message.rows == [
                Row("Schedule", "at 09:00 on Monday (`0 9 * * 1`)", after: "at 10:00 on Thursday (`0 10 * * 4`)"),
                Row("Next runs", "Thu 10 Dec 10:00 EST, Thu 17 Dec 10:00 EST, Thu 24 Dec 10:00 EST"),
            ])
        #expect(
            message.buttons == [
                Button("Confirm", actionID: "confirm", value: "abc", style: .primary),
                Button("Cancel", actionID: "cancel", value: "abc"),
            ])
        #expect(message.notes.last?.contains("`/tasks confirm K7Q2`") == true)
    }

    @Test("B20: a schedule in the spring-forward gap is previewed with a warning")
    func dstWarning() throws {
        let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
        let now = Date(timeIntervalSince1970: 1_804_968_000)  // 2027-03-13T12:00-08:00
        let messages = Messages(now: now, zone: losAngeles)
        #expect(
            messages.nextRuns("30 2 * * *", taskZone: losAngeles, count: 2) == [
                "Sun 14 Mar 03:00 PDT", "Mon 15 Mar 02:30 PDT",
            ])
        #expect(messages.warnings("30 2 * * *", taskZone: losAngeles).contains { $0.contains("02:30") })
    }
}
