extension SchedulePhraseReader {
    /// Day names, ranges of them, weekdays, weekends, days of the month and month names.
    mutating func readDays(_ word: String) throws(ScheduleRefusal) -> Bool {
        if let day = PhraseVocabulary.weekday(word) {
            index += 1
            if let connector = token(), SchedulePhraseReader.rangeWords.contains(connector),
                let end = token(1).flatMap(PhraseVocabulary.weekday)
            {
                var value = day
                while true {
                    weekdays.insert(value)
                    if value == end { break }
                    value = (value + 1) % 7
                }
                index += 2
            } else {
                weekdays.insert(day)
            }
            return true
        }
        switch word {
        case "weekday", "weekdays", "workday", "workdays":
            weekdays.formUnion(1...5)
        case "business", "working",
            "work" where token(1) == "day" || token(1) == "days":
            weekdays.formUnion(1...5)
            index += 1
        case "weekend", "weekends":
            weekdays.formUnion([0, 6])
        case "weeknight", "weeknights":
            weekdays.formUnion(1...5)
            meridiem = .pm
        default:
            return try readMonthDay(word)
        }
        index += 1
        return true
    }

    private mutating func readMonthDay(_ word: String) throws(ScheduleRefusal) -> Bool {
        if let month = PhraseVocabulary.month(word) {
            months.insert(month)
            index += 1
            if let next = token(), let day = Int(next) ?? PhraseVocabulary.ordinal(next) {
                try addMonthDay(day)
                index += 1
            }
            return true
        }
        if let day = PhraseVocabulary.ordinal(word) {
            try addMonthDay(day)
            index += 1
            if token() == "day" { index += 1 }
            return true
        }
        return false
    }

    private mutating func addMonthDay(_ day: Int) throws(ScheduleRefusal) {
        guard (1...31).contains(day) else { throw ScheduleRefusal.noSuchDay(day) }
        monthDays.insert(day)
    }

    /// daily, weekly, monthly, yearly, hourly and their "every day", "once a week" forms.
    mutating func readFrequency(_ word: String) throws(ScheduleRefusal) -> Bool {
        switch word {
        case "daily", "nightly", "everyday": frequency = .daily
        case "weekly": frequency = .weekly
        case "monthly": frequency = .monthly
        case "yearly", "annually", "annual": frequency = .yearly
        case "hourly": interval = (1, 60, word)
        case "day", "days", "week", "month", "months", "year", "hour", "minute":
            guard previousIsQuantifier, interval == nil else {
                if ["day", "days", "month", "months"].contains(word) { break }
                return false
            }
            switch word {
            case "day", "days": frequency = .daily
            case "week": frequency = .weekly
            case "month", "months": frequency = .monthly
            case "year": frequency = .yearly
            case "hour": interval = (1, 60, "every hour")
            default: interval = (1, 1, "every minute")
            }
        case "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights":
            meridiem = word.hasPrefix("morning") ? .am : .pm
            if previousIsQuantifier { frequency = .daily }
        default:
            return false
        }
        index += 1
        return true
    }
}
