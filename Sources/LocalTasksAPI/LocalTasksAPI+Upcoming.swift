import Foundation
import Schedule

extension LocalTasksAPI {
    /// `upcoming` from the schedule engine: the first `count` runs after the instant, in the zone.
    ///
    /// A cron the API accepts but the engine refuses (the API checks no value ranges, so `0 25 * * *`
    /// gets through) has no runs, so its `upcoming` is empty, as a job runner would never start it.
    public static func scheduleEngine(count: Int = 5) -> UpcomingRuns {
        { schedule, zone, after in
            guard let cron = try? CronExpression(parsing: schedule) else { return [] }
            return cron.nextRuns(after: after, in: zone, count: count)
        }
    }
}
