/// The words schedule phrases are made of: day and month names with their abbreviations and
/// common misspellings, ordinals, units.
enum PhraseVocabulary {
    private static let weekdayForms: [String: Int] = [
        "sun": 0, "sunday": 0, "sundays": 0, "mon": 1, "monday": 1, "mondays": 1, "tue": 2, "tues": 2,
        "tuesday": 2, "tuesdays": 2, "wed": 3, "weds": 3, "wednesday": 3, "wednesdays": 3, "thu": 4, "thur": 4,
        "thurs": 4, "thursday": 4, "thursdays": 4, "fri": 5, "friday": 5, "fridays": 5, "sat": 6, "saturday": 6,
        "saturdays": 6,
    ]
    private static let fullWeekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    private static let monthForms: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    private static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
    ]

    /// The weekday (Sunday = 0) a word names, allowing plurals and small misspellings of full names.
    static func weekday(_ word: String) -> Int? {
        if let day = weekdayForms[word] { return day }
        guard word.utf8.count >= 5, let first = word.first, "smtwf".contains(first),
            !SchedulePhraseReader.keywords.contains(word)
        else { return nil }
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        let limit = singular.utf8.count >= 7 ? 2 : 1
        let candidates = fullWeekdays.filter { $0.first == first }
        guard let match = EditDistance.nearest(to: singular, in: candidates, limit: limit) else { return nil }
        return fullWeekdays.firstIndex(of: match)
    }

    /// The month 1-12 a word names.
    static func month(_ word: String) -> Int? { monthForms[word] }

    /// The day number of an ordinal: "1st", "15th", "first", "third".
    static func ordinal(_ word: String) -> Int? {
        let bytes = word.utf8
        guard let first = bytes.first else { return nil }
        guard first >= 48 && first <= 57 else { return ordinalWords[word] }
        let count = bytes.count
        guard count >= 3, count <= 4 else { return nil }
        var value = 0
        var letters: UInt16 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < count - 2 {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            } else {
                letters = letters << 8 | UInt16(byte)
            }
        }
        // "st", "nd", "rd", "th" as two bytes.
        return [0x7374, 0x6E64, 0x7264, 0x7468].contains(letters) ? value : nil
    }

    /// Interval units and their length in minutes (0 for seconds: below cron's resolution).
    static func unit(_ word: String) -> (minutes: Int, name: String)? {
        switch word {
        case "s", "sec", "secs", "second", "seconds": (0, "second")
        case "m", "min", "mins", "minute", "minutes": (1, "minute")
        case "h", "hr", "hrs", "hour", "hours": (60, "hour")
        case "d", "day", "days": (1440, "day")
        case "w", "wk", "wks", "week", "weeks": (10_080, "week")
        case "mo", "month", "months": (43_200, "month")
        case "y", "yr", "yrs", "year", "years": (525_600, "year")
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
