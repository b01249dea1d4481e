import Testing

@testable import LocalTasksAPI

@Suite("The real API's cron validator")
struct CronDialectTests {
    @Test(
        "accepts what the API's pattern accepts, quirks included",
        arguments: [
            "0 10 * * 4", "*/15 * * * *", "0 9 * * 1-5", "0 9,11,13,15,17 * * *", "30 7 1,15 * *",
            "*/2-5 * * * *", "0 25 * * *", "*/90 * * * *", "  0 10 * * 4  ", "0\t10  * * 4", "1-5,*/2 * * * *",
        ])
    func accepts(cron: String) {
        #expect(CronDialect.accepts(cron))
    }

    @Test(
        "refuses names, specials, stepped ranges and wrong field counts",
        arguments: [
            "0 9-17/2 * * *", "0 9-17/2,3 * * *", "0 10 * * MON", "0 10 * JAN *", "@daily", "0 10 * * 4 2026",
            "0 10 * *", "0 10 L * *", "0 10 ? * *", "0 10 * * 1#2", "", "0 10 * * 4,", ",1 * * * *", "0 10 * * 1/",
            "0 10 * * -1",
        ])
    func refuses(cron: String) {
        #expect(!CronDialect.accepts(cron))
    }
}
