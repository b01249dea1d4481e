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
        guard startsLikeCron(phrase) else { return nil }
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

    /// A cheap first look: after leading "to"/"run"/"on" and quotes, the phrase starts with a digit, `*` or `@`.
    private static func startsLikeCron(_ phrase: String) -> Bool {
        let bytes = phrase.utf8
        guard bytes.contains(64) || bytes.lazy.filter({ $0 == 32 }).count >= 4 else { return false }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            while index < bytes.endIndex, bytes[index] == 32 { index = bytes.index(after: index) }
            var code: UInt64 = 0
            var first: UInt8?
            while index < bytes.endIndex, bytes[index] != 32 {
                let byte = bytes[index]
                code = code &<< 8 | UInt64(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                if first == nil, !quoteBytes.contains(byte) { first = byte }
                index = bytes.index(after: index)
            }
            guard let first else { continue }
            if fillerCodes.contains(code) { continue }
            return (first >= 48 && first <= 57) || first == 42 || first == 64
        }
        return false
    }

    private static let quoteBytes: [UInt8] = [34, 39, 96, 0xE2, 0x80, 0x98, 0x99, 0x9C, 0x9D]
    private static let fillerCodes: [UInt64] = ["to", "run", "runs", "on", "as"].map { word in
        word.utf8.reduce(UInt64(0)) { $0 &<< 8 | UInt64($1) }
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
