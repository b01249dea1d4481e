import Commands
import Foundation
import Schedule
import Support

/// `taskbot parse [--current-cron CRON] [--tz ZONE] TEXT...`: parses a command the way the bot would
/// and prints one JSON object with the verb, the task as typed and the API patch, or the refusal.
/// `--bench N [--phrases FILE]` instead parses the phrases N times in total and prints the rate.
enum ParseCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let options: Arguments
        do {
            options = try Arguments(arguments)
            try options.rejectUnknown(["current-cron", "tz", "bench", "phrases"])
        } catch {
            return fail("taskbot parse: \(error)", code: 2)
        }
        if let rounds = options.value("bench") {
            return ParseBench.run(rounds: rounds, phrases: options.value("phrases"))
        }
        var current: CronExpression?
        if let text = options.value("current-cron") {
            do {
                current = try CronExpression(parsing: text)
            } catch {
                return fail("taskbot parse: --current-cron: \(error.message)", code: 2)
            }
        }
        let zone = options.value("tz").map { TimeZoneNames.resolve($0) ?? $0 }
        return printResult(
            CommandParser.parse(options.positionals.joined(separator: " ")), current: current, zone: zone)
    }

    private static func printResult(_ result: Result<Command, CommandError>, current: CronExpression?, zone: String?)
        -> Int32
    {
        let command: Command
        let patch: TaskPatch
        switch result {
        case .success(let parsed):
            command = parsed
            switch parsed.patch(currentCron: current, currentZone: zone) {
            case .success(let value): patch = value
            case .failure(let error): return refusal(error)
            }
        case .failure(let error):
            return refusal(error)
        }
        var members = [
            "\"verb\": \(JSONText.quote(command.verb.rawValue))",
            "\"task\": " + (command.task.map { JSONText.quote($0.typed) } ?? "null"),
            "\"patch\": \(patch.json)",
        ]
        if let argument = command.argument { members.append("\"argument\": \(JSONText.quote(argument))") }
        if let snooze = command.edit.snooze { members.append("\"snooze\": \(snoozeJSON(snooze))") }
        members.append("\"error\": null")
        print("{" + members.joined(separator: ", ") + "}")
        return 0
    }

    private static func snoozeJSON(_ snooze: Snooze) -> String {
        switch snooze {
        case .duration(let seconds): return "{\"seconds\": \(seconds)}"
        case .until(let cron): return "{\"until\": \(JSONText.quote(cron.normalized))}"
        }
    }

    private static func refusal(_ error: CommandError) -> Int32 {
        print("{\"error\": \(JSONText.quote(error.message))}")
        return 1
    }

    private static func fail(_ message: String, code: Int32) -> Int32 {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return code
    }
}
