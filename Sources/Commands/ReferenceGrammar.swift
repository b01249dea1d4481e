/// What a verb expects after its task, and so where unquoted title words of a reference end.
///
/// An id, an id prefix or "it" is the reference only when the word after it is one of these ends (or
/// there is none); otherwise it is the first of the title words ("rename cafe playlist to Cafe Mix").
enum ReferenceGrammar {
    /// show, history: the reference is every remaining word.
    case alone
    /// pause, resume: "for 2h", "until Monday 9am".
    case pause
    /// rename, set prompt: "to <text>" or "as <text>".
    case value
    /// set timezone of <task>: "to <zone>" or "is <zone>".
    case zone
    /// move, set, run, schedule, ...: a schedule phrase, or a field name and its value.
    case schedule

    /// Words that start a schedule phrase without a "to" ("schedule 7f3c on wednesdays", "run it every hour").
    static let phraseStarts: Set<String> = ["at", "on", "every", "each", "run", "into"]
    /// Field names that may follow the task in "set <task> prompt to …"; ends only before their value keyword.
    static let valueFields: Set<String> = ["prompt", "title", "name"]
    /// Field names that always end title words after the first word ("set Weekly digest timezone PT").
    static let plainFields: Set<String> = ["schedule", "timezone", "zone", "tz"]

    /// True when word `index` ends title words that started before it.
    func ends(at index: Int, in words: CommandWords, end: Int) -> Bool {
        guard index < end else { return true }
        let key = words.words[index].key
        switch self {
        case .alone: return false
        case .pause: return key == "for" || key == "until" || key == "till" || key == "til"
        case .value: return key == "to" || key == "as"
        case .zone: return key == "to" || key == "is"
        case .schedule:
            if key == "to" || ReferenceGrammar.phraseStarts.contains(key) || ReferenceGrammar.plainFields.contains(key)
            {
                return true
            }
            guard ReferenceGrammar.valueFields.contains(key), index + 1 < end else { return false }
            let next = words.words[index + 1].key
            return next == "to" || next == "as" || next == "is"
        }
    }

    /// True when the first word of a reference is a grammar word, so there is no task ("rename to X").
    func refusesFirst(_ key: String) -> Bool {
        switch self {
        case .alone: return false
        case .pause: return key == "for" || key == "until" || key == "till" || key == "til"
        case .value: return key == "to" || key == "as"
        case .zone: return key == "to" || key == "is"
        case .schedule: return key == "to" || ReferenceGrammar.phraseStarts.contains(key)
        }
    }
}
