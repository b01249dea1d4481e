extension SchedulePhraseReader {
    /// noon, midnight, "half past 9", "quarter to 5pm".
    mutating func readTime(_ word: String) throws(ScheduleRefusal) -> Bool {
        switch word {
        case "noon", "midday":
            times.append((12, 0))
        case "midnight":
            times.append((0, 0))
        case "half", "quarter":
            guard let relation = token(1), relation == "past" || relation == "to", let target = token(2) else {
                return false
            }
            var named: (hour: Int, minute: Int, bare: Bool, consumed: Int)?
            if let hour = ["noon": 12, "midday": 12, "midnight": 0][target] { named = (hour, 0, false, 1) }
            if named == nil { named = try clockTime(at: index + 2) }
            guard let time = named else { throw ScheduleRefusal.unreadable(target) }
            index += 1 + time.consumed
            let offset = word == "half" ? 30 : 15
            if relation == "past" {
                times.append((time.hour, offset))
            } else {
                times.append(((time.hour + 23) % 24, 60 - offset))
            }
            if time.bare { pendingBareHours.append(times.count - 1) }
        default:
            return false
        }
        index += 1
        return true
    }

    /// A number: a time ("9", "9am", "9:30", "17:45", "10 am").
    mutating func readNumber(_ word: String) throws(ScheduleRefusal) -> Bool {
        guard word.first?.isASCIIDigit == true else { return false }
        if let next = token(1), PhraseVocabulary.unit(next) != nil {
            throw ScheduleRefusal.unreadable("\(word) \(next)")
        }
        if let day = Int(word), let next = token(1), let month = PhraseVocabulary.month(next) {
            guard (1...31).contains(day) else { throw ScheduleRefusal.noSuchDay(day) }
            monthDays.insert(day)
            months.insert(month)
            index += 2
            return true
        }
        guard let time = try clockTime(at: index) else { throw ScheduleRefusal.unreadable(word) }
        times.append((time.hour, time.minute))
        if time.bare { pendingBareHours.append(times.count - 1) }
        index += time.consumed
        return true
    }

    /// Reads "9", "9am", "9:30pm", "17:45" or "10" followed by "am"/"pm"/"oclock" at `position`.
    /// `bare` is true when no am/pm was given and the hour is 1-11, so "evenings" may still decide it.
    func clockTime(at position: Int) throws(ScheduleRefusal) -> (hour: Int, minute: Int, bare: Bool, consumed: Int)? {
        let word = tokens[position]
        guard let clock = ClockText(word) else { return nil }
        var suffix = clock.suffix
        var consumed = 1
        if suffix.isEmpty, position + 1 < tokens.count, ["am", "pm", "oclock"].contains(tokens[position + 1]) {
            suffix = tokens[position + 1] == "oclock" ? "" : tokens[position + 1]
            consumed = 2
        }
        let shown = word + (word.hasSuffix(suffix) ? "" : suffix)
        guard let minute = clock.minute else { throw ScheduleRefusal.invalidTime(shown) }
        let resolved = try resolveHour(clock.hour, suffix: suffix, shown: shown)
        return (resolved.hour, minute, resolved.bare, consumed)
    }

    private func resolveHour(_ hour: Int, suffix: String, shown: String) throws(ScheduleRefusal) -> (
        hour: Int, bare: Bool
    ) {
        switch suffix {
        case "":
            if hour == 24 { throw ScheduleRefusal.invalidTime(shown, hint: " (midnight is `00:00` or `midnight`)") }
            guard hour <= 23 else { throw ScheduleRefusal.invalidTime(shown) }
            return (hour, hour >= 1 && hour <= 11)
        case "am", "a":
            guard (1...12).contains(hour) else { throw ScheduleRefusal.invalidTime(shown) }
            return (hour == 12 ? 0 : hour, false)
        case "pm", "p":
            guard (1...12).contains(hour) else { throw ScheduleRefusal.invalidTime(shown) }
            return (hour == 12 ? 12 : hour + 12, false)
        default:
            throw ScheduleRefusal.unreadable(shown)
        }
    }
}

/// The pieces of "9", "9am", "09:30", "9:30pm" read from bytes: hour digits, an optional `:MM`, and
/// the letters after them. `minute` is nil when a `:` is followed by anything but two digits up to 59.
struct ClockText {
    let hour: Int
    let minute: Int?
    let suffix: String

    init?(_ word: String) {
        var bytes = word.utf8.makeIterator()
        var hour = 0
        var hourDigits = 0
        var next = bytes.next()
        while let byte = next, byte >= 48, byte <= 57 {
            if hourDigits < 3 { hour = hour * 10 + Int(byte - 48) }
            hourDigits += 1
            next = bytes.next()
        }
        guard hourDigits >= 1, hourDigits <= 2 else { return nil }
        var minute: Int? = 0
        if next == 58 {
            var value = 0
            var digits = 0
            next = bytes.next()
            while let byte = next, byte >= 48, byte <= 57 {
                if digits < 3 { value = value * 10 + Int(byte - 48) }
                digits += 1
                next = bytes.next()
            }
            minute = digits == 2 && value <= 59 ? value : nil
        }
        var letters = 0
        while let byte = next {
            guard byte >= 97, byte <= 122 else { return nil }
            letters += 1
            next = bytes.next()
        }
        self.hour = hour
        self.minute = minute
        self.suffix = letters == 0 ? "" : String(word.utf8.suffix(letters)) ?? ""
    }
}
