import Commands
import Foundation
import Schedule

/// `taskbot parse --bench N [--phrases FILE]`: parses the phrases round-robin N times in total on the
/// calling thread (command, then patch against the row's current cron) and prints the rate.
enum ParseBench {
    static func run(rounds text: String, phrases path: String?) -> Int32 {
        guard let rounds = Int(text), rounds > 0 else {
            FileHandle.standardError.write(Data("taskbot parse: --bench needs a positive count\n".utf8))
            return 2
        }
        let lines =
            path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }?
            .split(separator: "\n").map(String.init) ?? ["move task aade to thursday 10am"]
        let current = try? CronExpression(parsing: "0 9 * * 1")
        var accepted = 0
        if ProcessInfo.processInfo.environment["PARTS"] != nil {
            let phrases = ["to every weekday at 9am", "to thursday 10am PT", "every 15 minutes", "to 3pm"]
            var t = cpuSeconds()
            var n = 0
            for i in 0..<rounds { if case .success = ScheduleEdit.parse(phrases[i % 4]) { n += 1 } }
            print("schedule-only", Int(Double(rounds) / (cpuSeconds() - t)), n)
            t = cpuSeconds()
            for i in 0..<rounds {
                if case .success = CommandParser.parse(i % 2 == 0 ? "pause task 12ab please" : "rename aade to Foo bar")
                {
                    n += 1
                }
            }
            print("command-no-schedule", Int(Double(rounds) / (cpuSeconds() - t)), n)
            t = cpuSeconds()
            for i in 0..<rounds {
                if case .success = CommandParser.parse(i % 2 == 0 ? "move task 12ab to" : "set aade to") { n += 1 }
            }
            print("command-empty-phrase(errors)", Int(Double(rounds) / (cpuSeconds() - t)), n)
            let edit = try! ScheduleEdit.parse("every weekday at 9am").get()
            let command = Command(verb: .move, task: nil, edit: TaskEdit(schedule: edit))
            t = cpuSeconds()
            for _ in 0..<rounds { if case .success = command.patch(currentCron: current) { n += 1 } }
            print("patch-only", Int(Double(rounds) / (cpuSeconds() - t)), n)
            return 0
        }
        let cpuStarted = cpuSeconds()
        let started = ContinuousClock.now
        for round in 0..<rounds {
            let result = CommandParser.parse(lines[round % lines.count])
            if case .success(let command) = result, case .success = command.patch(currentCron: current) {
                accepted += 1
            }
        }
        let elapsed = ContinuousClock.now - started
        let cpu = cpuSeconds() - cpuStarted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "{\"parsed\": \(rounds), \"accepted\": \(accepted), \"seconds\": \(seconds), \"cpu_seconds\": \(cpu), "
                + "\"per_second\": \(Int(Double(rounds) / seconds)), \"per_cpu_second\": \(Int(Double(rounds) / cpu))}")
        return 0
    }

    /// CPU time of this thread, so that a busy machine does not count against the parser.
    private static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
