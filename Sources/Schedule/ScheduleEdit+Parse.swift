extension ScheduleEdit {
    /// Reads a schedule phrase ("every weekday at 9am", "thursday 10am PT", "every 15 minutes",
    /// "the 1st and 15th", "30 6 * * 1-5") into an edit, or refuses it with the sentence a user reads:
    /// one-off dates, nth weekdays, last day of the month, every other week, impossible dates, invalid
    /// times and intervals cron can't keep.
    public static func parse(_ phrase: String) -> Result<ScheduleEdit, ScheduleRefusal> {
        do throws(ScheduleRefusal) {
            return .success(try parseThrowing(phrase))
        } catch {
            return .failure(error)
        }
    }

    private static func parseThrowing(_ phrase: String) throws(ScheduleRefusal) -> ScheduleEdit {
        if let pasted = try pastedCron(phrase) { return pasted }
        var tokens = PhraseTokens.tokenize(phrase)
        let zone = extractZone(from: &tokens)
        var reader = SchedulePhraseReader(tokens: tokens)
        try reader.read()
        guard let change = try reader.change() else {
            if zone != nil { return ScheduleEdit(.zoneOnly, timeZone: zone) }
            throw ScheduleRefusal.empty(phrase.trimmingWhitespace())
        }
        return ScheduleEdit(change, timeZone: zone)
    }

    /// A pasted cron ("0 9 * * MON-FRI", "to `30 6 * * 1-5` UTC"), read from the phrase's own words so
    /// that names and ranges survive; nil when the phrase is not one.
    private static func pastedCron(_ phrase: String) throws(ScheduleRefusal) -> ScheduleEdit? {
        var spaces = 0
        var marked = false
        for byte in phrase.utf8 {
            if byte == 32 { spaces += 1 } else if byte == 42 || byte == 64 { marked = true }
        }
        guard marked || spaces >= 4 else { return nil }
        let quotes: Set<Character> = ["\"", "'", "`", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}"]
        var words = phrase.split(whereSeparator: \.isWhitespace).map { String($0.filter { !quotes.contains($0) }) }
            .filter { !$0.isEmpty }
        while let first = words.first, ["to", "run", "runs", "on", "as"].contains(first.lowercased()) {
            words.removeFirst()
        }
        var zone: String?
        if words.count == 6 || words.count == 2, let last = words.last, let found = TimeZoneNames.resolve(last) {
            zone = found
            words.removeLast()
        }
        guard PhraseTokens.looksLikeCron(words[...]) else { return nil }
        do throws(CronError) {
            return ScheduleEdit(.replace(try CronExpression(parsing: words.joined(separator: " "))), timeZone: zone)
        } catch {
            throw ScheduleRefusal(error.message)
        }
    }

    /// Removes the first zone name (one or two words) from `tokens` and returns its IANA identifier.
    private static func extractZone(from tokens: inout [String]) -> String? {
        for start in tokens.indices where start + 1 < tokens.count && TimeZoneNames.pairStarts.contains(tokens[start]) {
            if let zone = TimeZoneNames.resolve(lowercased: tokens[start] + " " + tokens[start + 1]) {
                tokens.removeSubrange(start...(start + 1))
                return zone
            }
        }
        for start in tokens.indices {
            let word = tokens[start]
            guard word.utf8.first.map({ $0 >= 97 && $0 <= 122 || $0 >= 128 }) == true,
                let zone = TimeZoneNames.resolve(lowercased: word), !SchedulePhraseReader.isVocabulary(word)
            else { continue }
            tokens.remove(at: start)
            return zone
        }
        return nil
    }
}
