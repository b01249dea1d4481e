import Foundation
import Support

/// `taskbot SUBCOMMAND ...`: a thin dispatcher; each subcommand lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
let subcommands: [String: @Sendable ([String]) async -> Int32] = [
    "serve": ServeCommand.run,
    "tasks-api": TasksAPICommand.run,
    "parse": ParseCommand.run,
    "cron": CronCommand.run,
    "try": TryCommand.run,
    "audit": AuditCommand.run,
]

let usage = """
    usage: taskbot <command> [options]

    commands:
      serve       run the bot (HTTPS webhook listener); see README.md
      tasks-api   run the local tasks API on its own
      parse       parse a command the way the bot would and print the patch as JSON
      cron        normalise and describe a cron expression and list its next runs
      try         play Slack against a running bot from the terminal
      audit       print the audit log of applied changes

    """

if let name = arguments.first, let run = subcommands[name] {
    exit(await run(Array(arguments.dropFirst())))
} else if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    print(usage, terminator: "")
    exit(0)
} else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
