import Testing

@testable import Schedule

@Suite("Time zone names")
struct TimeZoneNamesTests {
    @Test(
        "maps names, abbreviations and cities to DST-keeping IANA zones",
        arguments: [
            ("America/Los_Angeles", "America/Los_Angeles"), ("america/new_york", "America/New_York"),
            ("EUROPE/BERLIN", "Europe/Berlin"), ("PT", "America/Los_Angeles"), ("pst", "America/Los_Angeles"),
            ("PDT", "America/Los_Angeles"), ("MT", "America/Denver"), ("CST", "America/Chicago"),
            ("ET", "America/New_York"), ("EDT", "America/New_York"), ("CET", "Europe/Berlin"),
            ("CEST", "Europe/Berlin"), ("BST", "Europe/London"), ("GMT", "Europe/London"), ("IST", "Asia/Kolkata"),
            ("JST", "Asia/Tokyo"), ("AEST", "Australia/Sydney"), ("AEDT", "Australia/Sydney"), ("UTC", "UTC"),
            ("Z", "UTC"), ("London", "Europe/London"), ("paris", "Europe/Paris"), ("New York", "America/New_York"),
            ("NYC", "America/New_York"), ("LA", "America/Los_Angeles"), ("Tokyo", "Asia/Tokyo"),
            ("Sydney", "Australia/Sydney"), (" berlin ", "Europe/Berlin"), ("new_york", nil), ("Mars/Olympus", nil),
            ("", nil),
        ])
    func resolves(name: String, zone: String?) {
        #expect(TimeZoneNames.resolve(name) == zone)
    }
}
