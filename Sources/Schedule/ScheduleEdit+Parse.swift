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
        var tokens = PhraseTokens.tokenize(phrase)
        let zone = extractZone(from: &tokens)
        let cronTokens = tokens.drop(while: { ["to", "run", "runs", "on", "as"].contains($0) })
        if PhraseTokens.looksLikeCron(cronTokens) {
            let rest = cronTokens.joined(separator: " ")
            do throws(CronError) {
                return ScheduleEdit(.replace(try CronExpression(parsing: rest)), timeZone: zone)
            } catch {
                throw ScheduleRefusal(error.message)
            }
        }
        var reader = SchedulePhraseReader(tokens: tokens)
        try reader.read()
        guard let change = try reader.change() else {
            if zone != nil { return ScheduleEdit(.zoneOnly, timeZone: zone) }
            throw ScheduleRefusal.empty(phrase.trimmingWhitespace())
        }
        return ScheduleEdit(change, timeZone: zone)
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
