import Schedule

extension CommandReader {
    /// "move <task> to <phrase>": a schedule and/or zone change.
    mutating func readMove(verbWord: String) throws(CommandError) -> Command {
        let reference = try reference(stops: CommandReader.scheduleStops, verb: verbWord)
        return try schedulePhrase(for: reference, verbWord: verbWord)
    }

    private mutating func schedulePhrase(for reference: TaskReference, verbWord: String) throws(CommandError) -> Command
    {
        if key() == "schedule" { index += 1 }
        let phrase = CommandWords.unquoted(rest)
        guard !phrase.isEmpty else {
            throw CommandError("When should it run? Try `/tasks \(verbWord) <task> to Thursday 10am`.")
        }
        switch ScheduleEdit.parse(phrase) {
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
        switch key() {
        case "schedule":
            index += 1
            skip(["of", "for"])
            return try readMove(verbWord: "set schedule of")
        case "prompt":
            index += 1
            skip(["of", "for"])
            return try readPrompt()
        case "title", "name":
            index += 1
            skip(["of", "for"])
            return try readRename()
        case "my":
            index += 1
            guard let field = key(), ["zone", "timezone", "tz", "time"].contains(field) else { break }
            index += field == "time" && key(1) == "zone" ? 2 : 1
            return try read(.timezone)
        case "timezone", "zone", "tz":
            index += 1
            if key() == "to" || key() == "is" { return try read(.timezone) }
            skip(["of", "for"])
            let reference = try reference(stops: ["to"], verb: "set timezone of")
            return try taskZone(reference)
        default:
            break
        }
        let reference = try reference(stops: CommandReader.scheduleStops, verb: verbWord)
        switch key() {
        case "prompt":
            index += 1
            return try promptBody(reference)
        case "title", "name":
            index += 1
            return try titleBody(reference)
        case "timezone", "zone", "tz":
            index += 1
            return try taskZone(reference)
        default:
            return try schedulePhrase(for: reference, verbWord: verbWord)
        }
    }

    private mutating func taskZone(_ reference: TaskReference) throws(CommandError) -> Command {
        skip(["to", "is"])
        let zone = try CommandReader.zone(rest)
        return Command(verb: .move, task: reference, edit: TaskEdit(timezone: zone))
    }

    /// "rename <task> to <title>": the title verbatim.
    mutating func readRename() throws(CommandError) -> Command {
        let reference = try reference(stops: ["to", "as"], verb: "rename")
        return try titleBody(reference)
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
        let reference = try reference(stops: ["to", "as"], verb: "set prompt of")
        return try promptBody(reference)
    }

    private mutating func promptBody(_ reference: TaskReference) throws(CommandError) -> Command {
        if key() == "to" || key() == "as" { index += 1 }
        let prompt = verbatimRest
        guard !prompt.isEmpty else {
            throw CommandError("What should the new prompt be? Try `/tasks set prompt of <task> to <prompt>`.")
        }
        return Command(verb: .setPrompt, task: reference, edit: TaskEdit(prompt: prompt))
    }
}
