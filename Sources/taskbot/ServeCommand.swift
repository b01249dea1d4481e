import Bot
import Foundation
import HTTPServer
import LocalTasksAPI
import Schedule
import Slack
import Support
import TasksAPI

/// `taskbot serve`: the bot on the HTTPS listener. With no tasks API configured it runs the local
/// tasks API with demo tasks in process; with no signing secret it generates one in the state directory.
enum ServeCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let options: ServeOptions
        do {
            let parsed = try Arguments(arguments, switches: ["no-tls"])
            try parsed.rejectUnknown(ServeOptions.optionNames)
            options = try ServeOptions.parse(parsed)
        } catch {
            FileHandle.standardError.write(Data("taskbot serve: \(error)\n".utf8))
            return 2
        }
        let logger = Logger(minimumLevel: options.logLevel)
        SignalHandling.ignoreBrokenPipe()
        let setup: Setup
        do {
            setup = try await Setup.make(options: options, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("taskbot serve: \(error)\n".utf8))
            return 2
        }
        var router = ServerRuntime.baseRouter()
        setup.bot.register(on: &router)
        setup.bot.start()
        var configuration = ServerConfiguration()
        let bot = setup.bot
        configuration.requestObserver = { bot.observe($0) }
        let runtime = ServerRuntime(options: options, configuration: configuration)
        let code = await runtime.run(router: router, logger: logger) { port in
            setup.printHowToTry(options: options, port: port)
        }
        await setup.bot.stop()
        await setup.localTasksAPI?.shutdown()
        return code
    }
}

/// The parts `serve` assembles before it listens.
struct Setup {
    let bot: BotService
    let localTasksAPI: HTTPServer?
    let generatedSecret: Bool

    static func make(options: ServeOptions, logger: Logger) async throws -> Setup {
        var settings = try BotSettings.fromEnvironment(stateDirectory: options.stateDirectory)
        var generatedSecret = false
        let secret: String
        if let configured = settings.slackSigningSecret {
            secret = configured
        } else {
            let stored = try SigningSecretFile.loadOrCreate(stateDirectory: options.stateDirectory)
            secret = stored.secret
            generatedSecret = true
            logger.warning(
                "SLACK_SIGNING_SECRET is not set: using a generated secret for local use only",
                [
                    "path": SigningSecretFile.path(stateDirectory: options.stateDirectory),
                    "created": "\(stored.created)",
                ])
            if settings.responseURLHosts == nil {
                // Local mode: `taskbot try` receives replies on a loopback response_url.
                settings.responseURLHosts = ResponseURLPolicy.slackHosts + ["127.0.0.1", "localhost"]
            }
        }
        if settings.bot.allowedWorkspaces.isEmpty {
            logger.warning("TASKBOT_SLACK_TEAMS is empty: every Slack workspace that knows the secret may use this bot")
        }
        var localServer: HTTPServer?
        let tasksAPI: TasksAPIConfiguration
        if let configured = settings.tasksAPI {
            tasksAPI = configured
        } else {
            let local = try startLocalTasksAPI(stateDirectory: options.stateDirectory, logger: logger)
            localServer = local.server
            tasksAPI = local.configuration
        }
        let bot = try BotService(settings: settings, signingSecret: secret, tasksAPI: tasksAPI, logger: logger)
        return Setup(bot: bot, localTasksAPI: localServer, generatedSecret: generatedSecret)
    }

    /// The local tasks API with demo tasks on a loopback port, and how the client reaches it.
    static func startLocalTasksAPI(stateDirectory: String, logger: Logger) throws
        -> (server: HTTPServer, configuration: TasksAPIConfiguration)
    {
        var generator = SystemRandomNumberGenerator()
        let key =
            "local-"
            + (0..<24).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
            .joined()
        let api = try LocalTasksAPI(
            stateDirectory: "\(stateDirectory)/local-tasks-api",
            configuration: LocalTasksAPI.Configuration(apiKey: key, upcoming: LocalTasksAPI.scheduleEngine),
            logger: logger.with(["component": "local-tasks-api"]))
        try api.seed()
        var router = Router()
        api.register(on: &router)
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoopCount = 1
        let server = HTTPServer(
            configuration: configuration, tls: nil, router: router,
            logger: logger.with(["component": "local-tasks-api"]))
        let port = try server.start()
        logger.info(
            "no tasks API configured: using the built-in local tasks API with demo tasks",
            ["url": "http://127.0.0.1:\(port)"])
        let url = URL(string: "http://127.0.0.1:\(port)")!
        return (server, TasksAPIConfiguration(baseURL: url, credential: .apiKey(key)))
    }

    func printHowToTry(options: ServeOptions, port: Int) {
        let scheme = options.tls == .none ? "http" : "https"
        var lines = ["taskbot is listening on \(scheme)://\(options.host):\(port)"]
        if localTasksAPI != nil { lines.append("It talks to the built-in local tasks API, seeded with demo tasks.") }
        if generatedSecret {
            let binary = CommandLine.arguments.first ?? "taskbot"
            lines.append("Try it from another terminal, playing Slack:")
            lines.append(
                "  \(binary) try --url \(scheme)://\(options.host):\(port) --state \(options.stateDirectory) "
                    + "\"pause task aade\"")
        }
        print(lines.joined(separator: "\n"))
        fflush(nil)
    }
}
