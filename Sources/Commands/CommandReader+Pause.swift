import Schedule

extension CommandReader {
    /// The shortest and longest snooze, in seconds.
    static let snoozeLimits = 60...(30 * 86_400)

    private static let unitSeconds: [String: Int] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "mins": 60, "minute": 60,
        "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "d": 86_400, "day": 86_400,
        "days": 86_400, "w": 604_800, "wk": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// "pause <task> [for 2h | until Monday 9am]", "pause all [for artist <uuid>]".
    mutating func readPause() throws(CommandError) -> Command {
        let reference = try pauseTarget(verb: "pause")
        var edit = TaskEdit(enabled: false)
        switch key() {
        case nil: break
        case "for":
            index += 1
            edit.snooze = .duration(seconds: try duration())
        case "until", "till", "til":
            index += 1
            edit.snooze = .until(try wallClock())
        default:
            throw leftover(after: "pause")
        }
        return Command(verb: .pause, task: reference, edit: edit)
    }

    /// "resume <task>", "resume all [for artist <uuid>]".
    mutating func readResume() throws(CommandError) -> Command {
        let reference = try pauseTarget(verb: "resume")
        guard index == end else { throw leftover(after: "resume") }
        return Command(verb: .resume, task: reference, edit: TaskEdit(enabled: true))
    }

    private mutating func pauseTarget(verb: String) throws(CommandError) -> TaskReference {
        guard let first = key(), first == "all" || first == "everything" else {
            return try reference(.pause, verb: verb)
        }
        let typed = words.original(from: index, to: index + 1)
        index += 1
        skip(["tasks", "of", "my"])
        guard key() == "for" || key() == "of", key(1) == "artist" else {
            return TaskReference(.all(artistID: nil), typed: typed)
        }
        guard let artist = key(2), TaskReferenceReader.isUUID(artist) else {
            throw CommandError("Which artist? Give the artist's full id: `/tasks \(verb) all for artist <uuid>`.")
        }
        index += 3
        return TaskReference(.all(artistID: artist), typed: words.original(from: index - 4, to: index))
    }

    /// "2h", "30 minutes", "an hour", "1 hour 30 minutes", bounded to 1 minute ... 30 days.
    private mutating func duration() throws(CommandError) -> Int {
        let text = rest
        var seconds = 0
        var pending: Int?
        while let word = key() {
            index += 1
            if word == "and" { continue }
            if word == "a" || word == "an" || word == "one" {
                pending = 1
            } else if let number = Int(word), number <= 1_000_000 {
                pending = number
            } else if let unit = CommandReader.unitSeconds[word], let count = pending {
                seconds += count * unit
                pending = nil
            } else if let (count, unit) = CommandReader.compact(word) {
                seconds += count * unit
            } else {
                throw CommandError("I can't read `\(text)` as a length of time. Try `for 2h` or `for 30 minutes`.")
            }
            if seconds > CommandReader.snoozeLimits.upperBound { break }
        }
        guard pending == nil, seconds > 0 else {
            throw CommandError("I can't read `\(text)` as a length of time. Try `for 2h` or `for 30 minutes`.")
        }
        guard CommandReader.snoozeLimits.contains(seconds) else {
            throw CommandError(
                seconds < 60
                    ? "A pause with a resume time must last at least 1 minute."
                    : "A pause with a resume time can last at most 30 days. "
                        + "Pause it without a time and resume it later."
            )
        }
        return seconds
    }

    /// "2h", "90m", "1h30m": counts glued to their units, as seconds.
    private static func compact(_ word: String) -> (Int, Int)? {
        var total = 0
        var rest = Substring(word)
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCIIDigitCharacter)
            let letters = rest.dropFirst(digits.count).prefix(while: { !$0.isASCIIDigitCharacter })
            guard !digits.isEmpty, digits.count <= 6, let count = Int(digits), let unit = unitSeconds[String(letters)]
            else { return nil }
            total += count * unit
            rest = rest.dropFirst(digits.count + letters.count)
        }
        return total > 0 ? (1, total) : nil
    }

    /// "until Monday 9am", "until 9am", "until friday": the wall-clock time as a cron.
    private mutating func wallClock() throws(CommandError) -> CronExpression {
        let text = rest
        let midnight = CronExpression(
            minute: CronField(.minute, values: [0]), hour: CronField(.hour, values: [0]),
            dayOfMonth: .every(.dayOfMonth),
            month: .every(.month), dayOfWeek: .every(.dayOfWeek))
        index = end
        guard case .success(let edit) = ScheduleEdit.parse(text), case .calendar = edit.change else {
            throw CommandError(
                "I can't pause until `\(text)`. Name a weekday and time such as `until Monday 9am`, "
                    + "or a length such as `for 2h`.")
        }
        return edit.applied(to: midnight)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
