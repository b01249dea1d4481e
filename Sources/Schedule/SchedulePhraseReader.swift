/// Reads the tokens of a schedule phrase left to right, collecting days, times and intervals, and
/// refusing at the first word that cron can't honour or that it can't read.
struct SchedulePhraseReader {
    enum Frequency { case daily, weekly, monthly, yearly }
    enum Meridiem { case am, pm }

    private static let fillers: Set<String> = [
        "to", "at", "on", "the", "of", "each", "and", "run", "runs", "running", "schedule", "scheduled", "for",
        "from", "please", "pls", "plz", "it", "starting", "oclock", "a", "an", "per", "once", "thanks", "thank",
        "you", "thx", "ty", "instead", "then", "around", "by", "single", "only", "in", "every",
    ]
    /// Fillers that need no look at their neighbours, skipped before any other check.
    private static let plainFillers = fillers.subtracting(["every", "each", "in"])
    static let rangeWords: Set<String> = ["-", "to", "through", "thru", "till", "until"]
    private static let quantifiers: Set<String> = ["every", "each", "a", "an", "per", "once"]
    static let keywords: Set<String> = [
        "weekday", "weekdays", "weekend", "weekends", "workday", "workdays", "business", "working", "work", "day",
        "days", "daily", "nightly", "everyday", "weekly", "week", "weeks", "monthly", "month", "months", "yearly",
        "annually", "annual", "year", "years", "hourly", "hour", "hours", "minute", "minutes", "noon", "midday",
        "midnight", "half", "quarter", "past", "am", "pm", "morning", "mornings", "afternoon", "afternoons",
        "evening", "evenings", "night", "nights", "tonight", "tomorrow", "today", "now", "next", "this", "last",
        "other", "second", "seconds", "weeknight", "weeknights", "mins", "min", "hrs", "hr", "secs", "thanks",
    ]

    /// True for words the phrase grammar uses, which therefore are never read as zone names.
    static func isVocabulary(_ word: String) -> Bool {
        fillers.contains(word) || keywords.contains(word) || rangeWords.contains(word)
            || PhraseVocabulary.weekday(word) != nil || PhraseVocabulary.month(word) != nil
    }

    let tokens: [String]
    var index = 0
    var weekdays: Set<Int> = []
    var monthDays: Set<Int> = []
    var months: Set<Int> = []
    var frequency: Frequency?
    var interval: (count: Int, unitMinutes: Int, words: String)?
    var times: [(hour: Int, minute: Int)] = []
    var pendingBareHours: [Int] = []
    var meridiem: Meridiem?

    init(tokens: [String]) {
        self.tokens = tokens
    }

    func token(_ offset: Int = 0) -> String? {
        let position = index + offset
        return position >= 0 && position < tokens.count ? tokens[position] : nil
    }

    var previousIsQuantifier: Bool {
        guard let previous = token(-1) else { return false }
        return SchedulePhraseReader.quantifiers.contains(previous) || previous == "single"
    }

    mutating func read() throws(ScheduleRefusal) {
        while index < tokens.count {
            try readToken(tokens[index])
        }
        applyMeridiem()
    }

    private mutating func readToken(_ word: String) throws(ScheduleRefusal) {
        if SchedulePhraseReader.plainFillers.contains(word) {
            index += 1
            return
        }
        if try readRefusals(word) { return }
        if try readEvery(word) { return }
        if try readDays(word) { return }
        if try readFrequency(word) { return }
        if try readTime(word) { return }
        if try readNumber(word) { return }
        if SchedulePhraseReader.fillers.contains(word) {
            index += 1
            return
        }
        throw ScheduleRefusal.unreadable(word)
    }

    /// Words that mean a one-off moment or something cron can't express.
    private mutating func readRefusals(_ word: String) throws(ScheduleRefusal) -> Bool {
        switch word {
        case "tomorrow", "today", "tonight", "now", "asap", "later":
            throw ScheduleRefusal.oneOff(word)
        case "next":
            throw ScheduleRefusal.oneOff(token(1).map { "next \($0)" } ?? word)
        case "this" where token(1).map { PhraseVocabulary.weekday($0) != nil || $0 == "week" } ?? false:
            throw ScheduleRefusal.oneOff("this \(token(1) ?? "")")
        case "in" where token(1).map { Int($0) != nil || $0 == "a" || $0 == "an" } ?? false:
            throw ScheduleRefusal.oneOffRelative(tokens[index...].prefix(3).joined(separator: " "))
        case "last":
            if token(1) == "day" { throw ScheduleRefusal.lastDay }
            throw ScheduleRefusal.nthWeekday
        case "biweekly", "fortnightly":
            throw ScheduleRefusal.everyOther("week")
        default:
            if let value = PhraseVocabulary.ordinal(word), let next = token(1) {
                if PhraseVocabulary.weekday(next) != nil { throw ScheduleRefusal.nthWeekday }
                if value == 2, next == "week" || next == "day" { throw ScheduleRefusal.everyOther(next) }
            }
            if word.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true, isCalendarDate(word) {
                throw ScheduleRefusal.oneOff(word)
            }
            return false
        }
    }

    /// "2026-12-24", "12/24", "24.12.", or a year such as "2026": a calendar date, read from bytes.
    private func isCalendarDate(_ word: String) -> Bool {
        var groups = 0
        var digitsInGroup = 0
        var separators = 0
        var year = 0
        for byte in word.utf8 {
            switch byte {
            case 48...57:
                if digitsInGroup == 0 { groups += 1 }
                digitsInGroup += 1
                if groups == 1, digitsInGroup <= 4 { year = year * 10 + Int(byte - 48) }
            case 45, 46, 47:
                separators += 1
                digitsInGroup = 0
            default:
                return false
            }
        }
        if separators > 0 { return groups >= 2 }
        return word.utf8.count == 4 && (1900...2199).contains(year)
    }

    /// "every N units", "every other week", "every minute"; other "every ..." fall through to days.
    private mutating func readEvery(_ word: String) throws(ScheduleRefusal) -> Bool {
        guard word == "every" || word == "each" else { return false }
        guard let next = token(1) else { throw ScheduleRefusal.unreadable(word) }
        if next == "other" {
            throw ScheduleRefusal.everyOther(PhraseVocabulary.unit(token(2) ?? "week")?.name ?? "week")
        }
        if let count = Int(next), let unit = token(2).flatMap(PhraseVocabulary.unit) {
            try setInterval(count: count, unit: unit, words: "every \(next) \(token(2) ?? "")")
            index += 3
            return true
        }
        if let (count, unit) = SchedulePhraseReader.compactCount(next) {
            try setInterval(count: count, unit: unit, words: "every \(next)")
            index += 2
            return true
        }
        index += 1
        return true
    }

    private mutating func setInterval(count: Int, unit: (minutes: Int, name: String), words: String)
        throws(ScheduleRefusal)
    {
        if unit.minutes == 0 { throw ScheduleRefusal.subMinute(words) }
        guard count > 0 else {
            throw ScheduleRefusal("An interval must be at least 1 minute; `\(words)` would never run.")
        }
        guard count <= 100_000 else {
            throw ScheduleRefusal.unsupportedInterval(
                words, reason: "that interval is far too long", nearest: "once a year")
        }
        if unit.name == "week", count == 2 { throw ScheduleRefusal.everyOther("week") }
        if unit.name == "day", count == 2 { throw ScheduleRefusal.everyOther("day") }
        interval = (count, unit.minutes, words)
    }

    /// "15m", "2h", "30s", "10mins": a count glued to its unit.
    static func compactCount(_ word: String) -> (Int, (minutes: Int, name: String))? {
        guard let split = word.firstIndex(where: { !$0.isASCIIDigit }), split != word.startIndex,
            let count = Int(word[..<split]), let unit = PhraseVocabulary.unit(String(word[split...]))
        else { return nil }
        return (count, unit)
    }
}
