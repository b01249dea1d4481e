import Foundation
import TasksAPI

/// The demo tasks `--seed` loads: six tasks of the demo account and one of an account the demo key
/// may not touch, each with a few runs.
///
/// Ids are chosen for the command corpus: `aade`, `12ab`, `7f3c` and `b9e0` each start exactly one
/// task, while two tasks share the prefix `5d21` so that an ambiguous prefix can be shown.
public enum SeedData {
    /// The account the demo key belongs to.
    public static let demoAccountID = "848cd58d-700f-4b38-ab4c-d9f52a1b2c3d"
    /// The artist of "Weekly Genre Pulse Check".
    public static let demoArtistID = "1873859c-dd37-4e9a-9bac-80d35a1b2c3d"
    /// A second artist of the demo account.
    public static let secondArtistID = "2c5e7a90-4b1d-4f6e-8a3c-5d9e0f1a2b3c"
    /// An account outside the demo key's reach: its task answers 403 to PATCH and DELETE.
    public static let foreignAccountID = "3f0d9a42-1c6b-4e8f-9d2a-7b5c4e3a2f10"
    /// The artist of the foreign account's task.
    public static let foreignArtistID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
    /// The foreign account's task.
    public static let foreignTaskID = "c0ffee00-1111-4222-8333-944455556666"

    /// The seeded tasks, `upcoming` and `recent_runs` left empty (they are computed per answer).
    public static let tasks: [TaskRecord] = [
        task(
            "aade2bce-55c7-468e-a606-c4e76fb2ea2a", "Weekly Genre Pulse Check", "0 10 * * 4",
            "Summarise this week's genre trends for the artist's catalogue and flag notable movers.",
            enabled: true),
        task(
            "12ab34cd-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Daily Streaming Numbers", "0 9 * * 1-5",
            "Report yesterday's streams per platform with the change against the 7-day average.",
            enabled: nil, timezone: "America/Los_Angeles"),
        task(
            "7f3c1e2d-9a8b-4c7d-b6e5-f4a3b2c1d0e9", "Playlist Adds Watch", "*/30 * * * *",
            "Check editorial and algorithmic playlists for new adds of the artist's tracks.",
            enabled: false, artist: secondArtistID),
        task(
            "b9e04f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a", "Social Mentions Digest", "0 12 * * *",
            "Collect the day's social media mentions and summarise the sentiment.",
            enabled: true, timezone: "Europe/Berlin"),
        task(
            "5d21a0c4-8e7f-4d6c-9b5a-3c2d1e0f9a8b", "Monthly Royalty Summary", "0 8 1 * *",
            "Summarise last month's royalty statements by source.",
            enabled: true, artist: secondArtistID),
        task(
            "5d21f7e9-3a4b-4c5d-8e6f-0a1b2c3d4e5f", "Monthly Fan Growth Report", "30 7 1,15 * *",
            "Report follower growth across platforms since the last report.",
            enabled: true, timezone: "America/New_York"),
        TaskRecord(
            id: foreignTaskID, title: "Label Release Radar", prompt: "List the label's releases due next week.",
            schedule: "0 12 * * 5", accountID: foreignAccountID, artistAccountID: foreignArtistID, enabled: true,
            triggerScheduleID: "sched_label_radar"),
    ]

    /// Three finished runs per seeded task, a day apart, ending the day before `now`; one of each
    /// task's runs failed where the task's index is odd, so the bot has failures to show.
    public static func runs(before now: Date) -> [(taskID: String, run: TaskRun)] {
        let day: TimeInterval = 86_400
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / day).rounded(.down) * day - 3 * day)
        var runs: [(taskID: String, run: TaskRun)] = []
        for (index, task) in tasks.enumerated() {
            for number in 0..<3 {
                let created = start + Double(number) * day + Double(index) * 600
                let failed = index % 2 == 1 && number == 2
                let run = TaskRun(
                    id: "run_\(task.id.prefix(8))_\(number + 1)", status: failed ? "FAILED" : "COMPLETED",
                    taskIdentifier: "customer-prompt-task", createdAt: created, updatedAt: created + 95,
                    startedAt: created + 2, finishedAt: created + 95)
                runs.append((task.id, run))
            }
        }
        return runs
    }

    private static func task(
        _ id: String, _ title: String, _ schedule: String, _ prompt: String, enabled: Bool?,
        artist: String = demoArtistID, timezone: String? = nil
    ) -> TaskRecord {
        TaskRecord(
            id: id, title: title, prompt: prompt, schedule: schedule, accountID: demoAccountID, artistAccountID: artist,
            enabled: enabled, triggerScheduleID: "sched_\(id.prefix(8))", timezone: timezone)
    }
}
