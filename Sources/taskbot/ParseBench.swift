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
