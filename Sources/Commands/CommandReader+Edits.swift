import Schedule

extension CommandReader {
    /// Field names that may come before the task ("set prompt of aade to …").
    private static let leadingFields: [String: ReferenceGrammar] = [
        "schedule": .schedule, "prompt": .value, "title": .value, "name": .value, "timezone": .zone, "zone": .zone,
        "tz": .zone,
    ]
    /// The name each field word goes by in `/tasks set <field> of <task> to …`.
    private static let fieldNames: [String: String] = [
        "prompt": "prompt", "title": "title", "name": "title", "timezone": "timezone", "zone": "timezone",
        "tz": "timezone",
    ]

    /// "move <task> to <phrase>": a schedule and/or zone change.
    mutating func readMove(verbWord: String) throws(CommandError) -> Command {
        try readTaskAndPhrase(verbWord: verbWord, fields: false)
    }

    /// The task, then a schedule phrase or (when `fields`) a field name and its value.
    private mutating func readTaskAndPhrase(verbWord: String, fields: Bool) throws(CommandError) -> Command {
        let reading = try reading(.schedule, verb: verbWord)
        if let shaped = reading.shaped {
            // An id or "it" followed by a phrase without "to" ("make task 12ab daily"), unless the phrase can't
            // be read and the words up to "to" can be a title ("move cafe playlist to friday").
            let parsed = ScheduleEdit.parse(CommandWords.unquoted(words.original(from: shaped.next, to: end)))
            if (try? parsed.get()) != nil || !titleWordsFit(reading) {
                index = shaped.next
                return try scheduleCommand(parsed, for: shaped.reference)
            }
        }
        index = reading.next
        var fieldWord: String?
        if fields {
            switch key() {
            case "prompt":
                index += 1
                return try promptBody(reading.reference)
            case "title", "name":
                index += 1
                return try titleBody(reading.reference)
            case "timezone", "zone", "tz":
                index += 1
                return try taskZone(reading.reference)
            default:
                let first = words.words[reading.first]
                if reading.isTitleWords, let grammar = CommandReader.leadingFields[first.key], grammar != .schedule {
                    fieldWord = first.key
                }
            }
        }
        return try schedulePhrase(for: reading.reference, verbWord: verbWord, fieldWord: fieldWord)
    }

    /// True when title words end before a field name or "to", not before a word that starts a schedule phrase,
    /// so that "run task 12ab next friday at 3pm" stays a refused schedule for task 12ab.
    private func titleWordsFit(_ reading: TaskReferenceReader.Reading) -> Bool {
        reading.next < end && !ReferenceGrammar.phraseStarts.contains(words.words[reading.next].key)
    }

    /// The schedule phrase after the task. `fieldWord` is the field name that started the task's title words
    /// ("set Title tracker to friday"), named in the refusal in case it was meant as the field.
    private mutating func schedulePhrase(
        for reference: TaskReference, verbWord: String, fieldWord: String? = nil
    ) throws(CommandError) -> Command {
        if key() == "schedule" { index += 1 }
        let phrase = CommandWords.unquoted(rest)
        guard !phrase.isEmpty else {
            throw CommandError("When should it run? Try `/tasks \(verbWord) <task> to Thursday 10am`.")
        }
        let parsed = ScheduleEdit.parse(phrase)
        if case .failure(let refusal) = parsed, let fieldWord {
            let field = CommandReader.fieldNames[fieldWord] ?? fieldWord
            throw CommandError(
                refusal.message
                    + " If `\(fieldWord)` names the field to change, write `/tasks set \(field) of <task> to …`.",
                suggestion: refusal.nearest?.normalized)
        }
        return try scheduleCommand(parsed, for: reference)
    }

    private func scheduleCommand(
        _ parsed: Result<ScheduleEdit, ScheduleRefusal>, for reference: TaskReference
    ) throws(CommandError) -> Command {
        switch parsed {
        case .success(let edit):
            var taskEdit = TaskEdit(timezone: edit.timeZone)
            if edit.change != .zoneOnly { taskEdit.schedule = edit }
            return Command(verb: .move, task: reference, edit: taskEdit)
        case .failure(let refusal):
            throw CommandError(refusal.message, suggestion: refusal.nearest?.normalized)
        }
    }

    /// set/change/make/schedule/run/update/edit, followed by a field name or a task and a phrase.
    mutating func readEdit(verbWord: String) throws(CommandError) -> Command {
        if let length = myZoneWords() {
            index += length
            return try read(.timezone)
        }
        guard let (field, length) = leadingField() else {
            return try readTaskAndPhrase(verbWord: verbWord, fields: true)
        }
        index += length
        switch field {
        case "schedule":
            skip(["of", "for"])
            return try readMove(verbWord: "set schedule of")
        case "prompt":
            skip(["of", "for"])
            return try readPrompt()
        case "title", "name":
            skip(["of", "for"])
            return try readRename()
        default:
            if key() == "to" || key() == "is" { return try read(.timezone) }
            skip(["of", "for"])
            let reference = try reference(.zone, verb: "set timezone of")
            return try taskZone(reference)
        }
    }

    /// "my zone", "my timezone", "my tz", "my time zone": how many words name the user's own zone.
    private func myZoneWords() -> Int? {
        guard key() == "my" else { return nil }
        switch key(1) {
        case "zone", "timezone", "tz": return 2
        case "time": return key(2) == "zone" ? 3 : 2
        default: return nil
        }
    }

    /// The field named before the task and how many words name it: "title of aade", "the prompt of aade",
    /// "schedule task aade", "prompt aade to …", "timezone to PT". Nil when the field name is the first of the
    /// task's title words instead ("set Prompt engineering digest to friday", "set The Title Track to friday").
    private func leadingField() -> (key: String, length: Int)? {
        let article = key() == "the" ? 1 : 0
        guard let field = key(article), let grammar = CommandReader.leadingFields[field] else { return nil }
        let length = article + 1
        guard let next = key(length) else { return (field, length) }
        switch next {
        case "of", "for", "task":
            return (field, length)
        case "to", "is":
            return article == 1 || grammar == .zone ? (field, length) : nil
        default:
            let position = index + length
            if words.words[position].opensQuote { return (field, length) }
            guard let shaped = TaskReferenceReader.shaped(words, at: position, end: end),
                grammar.ends(at: shaped.next, in: words, end: end)
            else { return nil }
            return (field, length)
        }
    }

    private mutating func taskZone(_ reference: TaskReference) throws(CommandError) -> Command {
        skip(["to", "is"])
        let zone = try CommandReader.zone(rest)
        return Command(verb: .move, task: reference, edit: TaskEdit(timezone: zone))
    }

    /// "rename <task> to <title>": the title verbatim.
    mutating func readRename() throws(CommandError) -> Command {
        let reading = try reading(.value, verb: "rename")
        index = reading.next
        try refuseUnclearEnd(of: reading, example: "rename \"Back to school\" to New title")
        return try titleBody(reading.reference)
    }

    private mutating func titleBody(_ reference: TaskReference) throws(CommandError) -> Command {
        if key() == "to" || key() == "as" { index += 1 }
        let title = verbatimRest
        guard !title.isEmpty else {
            throw CommandError("What should the new title be? Try `/tasks rename <task> to New title`.")
        }
        return Command(verb: .rename, task: reference, edit: TaskEdit(title: title))
    }

    /// "set prompt of <task> to <prompt>": the prompt verbatim.
    mutating func readPrompt() throws(CommandError) -> Command {
        let reading = try reading(.value, verb: "set prompt of")
        index = reading.next
        try refuseUnclearEnd(of: reading, example: "set prompt of \"Back to school\" to New prompt")
        return try promptBody(reading.reference)
    }

    private mutating func promptBody(_ reference: TaskReference) throws(CommandError) -> Command {
        if key() == "to" || key() == "as" { index += 1 }
        let prompt = verbatimRest
        guard !prompt.isEmpty else {
            throw CommandError("What should the new prompt be? Try `/tasks set prompt of <task> to <prompt>`.")
        }
        return Command(verb: .setPrompt, task: reference, edit: TaskEdit(prompt: prompt))
    }

    /// Refuses unquoted title words followed by "to" when an unquoted new value has another "to" (or, after
    /// "as", another "as" or "to"): "rename Back to school to Fall promo" has two readings and no way to
    /// tell which is meant. The current word is the keyword that ended the title words.
    private func refuseUnclearEnd(of reading: TaskReferenceReader.Reading, example: String) throws(CommandError) {
        guard reading.isTitleWords, let keyword = key(), index + 1 < words.words.count,
            !words.words[index + 1].opensQuote
        else { return }
        for word in words.words[(index + 1)...] where word.key == "to" || keyword == "as" && word.key == "as" {
            let which = word.key == keyword ? "which `\(keyword)`" : "whether `\(keyword)` or `\(word.key)`"
            throw CommandError(
                "I can't tell \(which) ends the task's title. Quote the title, as in `/tasks \(example)`, "
                    + "or name the task by its id.")
        }
    }
}
