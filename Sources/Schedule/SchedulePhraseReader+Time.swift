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
        var text = Substring(word)
        while let last = text.last, last.isLetter { text = text.dropLast() }
        var suffix = String(word.dropFirst(text.count))
        var consumed = 1
        if suffix.isEmpty, position + 1 < tokens.count, ["am", "pm", "oclock"].contains(tokens[position + 1]) {
            suffix = tokens[position + 1] == "oclock" ? "" : tokens[position + 1]
            consumed = 2
        }
        let shown = word + (word.hasSuffix(suffix) ? "" : suffix)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let hourText = parts.first, !hourText.isEmpty, hourText.count <= 2,
            hourText.allSatisfy(\.isASCIIDigit), let hour = Int(hourText)
        else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let value = Int(parts[1]), value <= 59
            else {
                throw ScheduleRefusal.invalidTime(shown)
            }
            minute = value
        }
        let resolved = try resolveHour(hour, suffix: suffix, shown: shown)
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
