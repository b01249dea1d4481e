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

/// What `taskbot COMMAND --help` prints; README.md has the details.
let commandUsage = [
    "serve": """
    usage: taskbot serve [--listen HOST:PORT] [--state DIR] [--tls-cert PEM --tls-key PEM] [--no-tls]
                         [--log-level debug|info|warning|error]
    Environment: TASKBOT_LISTEN, TASKBOT_STATE_DIR, TASKBOT_TLS_CERT, TASKBOT_TLS_KEY, TASKBOT_LOG_LEVEL,
    SLACK_SIGNING_SECRET, TASKS_API_URL, TASKS_API_KEY or TASKS_API_TOKEN, and the others in README.md.
    """,
    "tasks-api": TasksAPICommand.usage,
    "parse": "usage: taskbot parse [--current-cron CRON] [--tz ZONE] TEXT...",
    "cron": "usage: taskbot cron EXPR [--tz ZONE] [--from ISO-8601] [--count N] [--json]",
    "try": TryCommand.usage,
    "audit": "usage: taskbot audit --state DIR [--task ID] [--since ISO-8601] [--json]",
]

if let name = arguments.first, let run = subcommands[name] {
    let rest = Array(arguments.dropFirst())
    let options = rest.prefix { $0 != "--" }
    if options.contains("--help") || options.contains("-h"), let text = commandUsage[name] {
        print(text)
        exit(0)
    }
    exit(await run(rest))
} else if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
    print(usage, terminator: "")
    exit(0)
} else {
    let unknown = arguments.first.map { "taskbot: unknown command `\($0)`\n" } ?? ""
    FileHandle.standardError.write(Data((unknown + usage).utf8))
    exit(2)
}
