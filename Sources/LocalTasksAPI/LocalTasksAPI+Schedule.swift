import Foundation
import Schedule

extension LocalTasksAPI {
    /// `upcoming` from the schedule engine: the next three runs of the task's cron in its zone.
    public static let scheduleEngine: UpcomingRuns = { schedule, zone, after in
        guard let cron = try? CronExpression(parsing: schedule) else { return [] }
        return cron.nextRuns(after: after, in: zone, count: 3)
    }
}
