import Foundation
import Testing

@testable import Schedule

@Suite("Cron expressions")
struct CronExpressionTests {
    @Test(
        "normalises what people paste to the API's form",
        arguments: [
            ("0 9 * * 1-5", "0 9 * * 1-5"),
            ("0 9-17/2 * * *", "0 9,11,13,15,17 * * *"),
            ("00 09 * * MON", "0 9 * * 1"),
            ("0 0 * jan,Feb sun", "0 0 * 1,2 0"),
            ("0 0 * * 7", "0 0 * * 0"),
            ("0 0 * * 5-7", "0 0 * * 0,5,6"),
            ("0 0 * * mon-fri", "0 0 * * 1-5"),
            ("*/15 * * * *", "*/15 * * * *"),
            ("*/1 * * * *", "* * * * *"),
            ("0 */2 * * *", "0 */2 * * *"),
            ("5,3,4,1 * * * *", "1,3-5 * * * *"),
            ("1,2 * * * *", "1,2 * * * *"),
            ("0-59 * * * *", "* * * * *"),
            ("0 0 1-31 * *", "0 0 1-31 * *"),
            ("0 0 * * 0-6", "0 0 * * 0-6"),
            ("10/20 * * * *", "10,30,50 * * * *"),
            ("0 0 */2 * *", "0 0 */2 * *"),
            ("  30  6 * * 1-5 ", "30 6 * * 1-5"),
            ("@hourly", "0 * * * *"),
            ("@daily", "0 0 * * *"),
            ("@weekly", "0 0 * * 0"),
            ("@monthly", "0 0 1 * *"),
            ("@yearly", "0 0 1 1 *"),
            ("@ANNUALLY", "0 0 1 1 *"),
            ("0 0 * * */6", "0 0 * * */6"),
            ("0 0 * * 0,6", "0 0 * * 0,6"),
        ])
    func normalises(input: String, expected: String) throws {
        #expect(try CronExpression(parsing: input).normalized == expected)
    }

    @Test(
        "refuses what is out of range or malformed with a sentence",
        arguments: [
            ("0 25 * * *", "`25` is out of range for the hour field (0-23)."),
            ("60 * * * *", "`60` is out of range for the minute field (0-59)."),
            ("0 0 0 * *", "`0` is out of range for the day-of-month field (1-31)."),
            ("0 0 * 13 *", "`13` is out of range for the month field (1-12)."),
            ("0 0 * * 8", "`8` is out of range for the day-of-week field (0-7)."),
            ("*/90 * * * *", "The step `/90` in the minute field must be between 1 and 59."),
            ("*/0 * * * *", "The step `/0` in the minute field must be between 1 and 59."),
            ("0 17-9 * * *", "The range `17-9` in the hour field runs backwards; write the smaller value first."),
            ("0 9 * * funday", "`funday` is not a valid value in the day-of-week field."),
            (
                "0 9 * *",
                "A cron expression has 5 fields (minute hour day-of-month month day-of-week); `0 9 * *` has 4."
            ),
            ("0 9 L * *", "`L` is not a valid value in the day-of-month field."),
            ("0 9 * * 1#1", "`1#1` is not a valid value in the day-of-week field."),
            ("0 9,,10 * * *", "The hour field `9,,10` has an empty list item."),
            ("@reboot", "`@reboot` is not a cron macro I know; use @hourly, @daily, @weekly, @monthly or @yearly."),
            ("0 -1 * * *", "`` is not a valid value in the hour field."),
        ])
    func refuses(input: String, message: String) {
        #expect(throws: CronError(message)) { try CronExpression(parsing: input) }
    }

    @Test("compares normal forms without building them")
    func printsSame() throws {
        let pairs = [
            "0 9 * * 1-5", "0-59 * * * *", "* * * * *", "0 0 1-31 * *", "0 0 * * *", "*/30 * * * *", "0,30 * * * *",
        ]
        for first in pairs {
            for second in pairs {
                let a = try CronExpression(parsing: first)
                let b = try CronExpression(parsing: second)
                #expect(a.printsSame(as: b) == (a.normalized == b.normalized), "\(first) vs \(second)")
            }
        }
    }

    @Test("exposes the value sets of each field")
    func valueSets() throws {
        let cron = try CronExpression(parsing: "*/20 9-11 1,15 */3 MON-WED")
        #expect(cron.minute.values == [0, 20, 40])
        #expect(cron.hour.values == [9, 10, 11])
        #expect(cron.dayOfMonth.values == [1, 15])
        #expect(cron.month.values == [1, 4, 7, 10])
        #expect(cron.dayOfWeek.values == [1, 2, 3])
    }

    @Test(
        "describes schedules in plain English",
        arguments: [
            ("0 10 * * 4", "at 10:00 on Thursday"),
            ("*/15 * * * *", "every 15 minutes"),
            ("0 9 * * 1-5", "at 09:00 on weekdays (Monday to Friday)"),
            ("30 8 1,15 * *", "at 08:30 on day 1 and 15 of the month"),
            ("0 9 15 * *", "at 09:00 on day 15 of the month"),
            ("* * * * *", "every minute"),
            ("0 * * * *", "every hour"),
            ("5 * * * *", "at minute 5 of every hour"),
            ("0 */2 * * *", "every 2 hours on the hour"),
            ("0 0 * * *", "at 00:00 every day"),
            ("0 10 * * 0,6", "at 10:00 on weekends (Saturday and Sunday)"),
            ("0 10 * * 1,3,5", "at 10:00 on Monday, Wednesday and Friday"),
            ("0 10 * * 1-4", "at 10:00 on Monday to Thursday"),
            ("0 9,17 * * *", "at 09:00 and 17:00 every day"),
            ("0 12 1 1 *", "at 12:00 on day 1 of the month in January"),
            ("0 9 1 * 1", "at 09:00 on day 1 of the month or on Monday"),
            ("0 9 1-31 * 1", "at 09:00 every day"),
            ("0 9 15 * 0-6", "at 09:00 every day"),
            ("0 9 1-31 * *", "at 09:00 every day"),
            ("0 9 1-31 2 0-6", "at 09:00 every day in February"),
            ("*/15 9-17 * * 1-5", "every 15 minutes during hours 9 to 17 on weekdays (Monday to Friday)"),
            ("0 9-17 * * *", "at minute 0 during hours 9 to 17"),
            ("0,30 * * * *", "at minutes 0 and 30 of every hour"),
            ("*/7 * * * *", "every 7 minutes, restarting at the top of each hour"),
            ("0 */5 * * *", "at 00:00, 05:00, 10:00, 15:00 and 20:00 every day"),
            ("0 */7 * * *", "at 00:00, 07:00, 14:00 and 21:00 every day"),
            ("30 */6 * * *", "at 00:30, 06:30, 12:30 and 18:30 every day"),
            ("30 */3 * * *", "every 3 hours at minute 30"),
            ("0 9 * 1-3 1-5", "at 09:00 on weekdays (Monday to Friday) in January to March"),
            (
                "0 9 1 * */2",
                "at 09:00 on day 1 of the month, but only when that day is also a Sunday, Tuesday, Thursday or Saturday"
            ),
            (
                "0 0 */2 * 1",
                """
                at 00:00 on day 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29 and 31 of the month, \
                but only when that day is also a Monday
                """
            ),
        ])
    func describes(cron: String, text: String) throws {
        #expect(try CronExpression(parsing: cron).describe() == text)
    }

    @Test("names UTC as UTC")
    func describesUTC() throws {
        let zone = try #require(TimeZone(identifier: "UTC"))
        #expect(try CronExpression(parsing: "0 9 * * *").describe(zone: zone) == "at 09:00 every day (UTC)")
    }

    @Test("appends the zone to a description")
    func describesZone() throws {
        let zone = try #require(TimeZone(identifier: "America/Los_Angeles"))
        #expect(
            try CronExpression(parsing: "0 10 * * 4").describe(zone: zone)
                == "at 10:00 on Thursday (America/Los_Angeles)")
    }
}
