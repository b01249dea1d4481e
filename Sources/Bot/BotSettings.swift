import Foundation
import Support
import TasksAPI

/// Everything `taskbot serve` reads from its options and environment, checked once at start.
public struct BotSettings: Sendable {
    /// Directory of the store, the generated certificate and the generated signing secret.
    public var stateDirectory: String
    /// Slack's signing secret; nil means "generate one in the state directory" (local demo mode).
    public var slackSigningSecret: String?
    /// A bot token for `users.info` and `chat.postMessage`; optional.
    public var slackBotToken: String?
    /// Hosts `response_url` may point at; nil means Slack's own.
    public var responseURLHosts: [String]?
    /// Where the tasks API is and how to authenticate; nil runs the local tasks API in process.
    public var tasksAPI: TasksAPIConfiguration?
    /// Where Slack's Web API is (tests point it at a loopback fake).
    public var slackAPIBaseURL: URL
    public var bot: BotConfiguration

    public init(
        stateDirectory: String, slackSigningSecret: String? = nil, slackBotToken: String? = nil,
        responseURLHosts: [String]? = nil, tasksAPI: TasksAPIConfiguration? = nil,
        slackAPIBaseURL: URL = URL(string: "https://slack.com/api")!, bot: BotConfiguration = BotConfiguration()
    ) {
        self.stateDirectory = stateDirectory
        self.slackSigningSecret = slackSigningSecret
        self.slackBotToken = slackBotToken
        self.responseURLHosts = responseURLHosts
        self.tasksAPI = tasksAPI
        self.slackAPIBaseURL = slackAPIBaseURL
        self.bot = bot
    }

    /// A setting that cannot be used, with the sentence to print.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the documented environment variables on top of `stateDirectory`.
    public static func fromEnvironment(
        stateDirectory: String, _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> BotSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        var settings = BotSettings(stateDirectory: stateDirectory)
        settings.slackSigningSecret = value("SLACK_SIGNING_SECRET")
        settings.slackBotToken = value("SLACK_BOT_TOKEN")
        settings.responseURLHosts = value("SLACK_RESPONSE_URL_HOSTS").map(BotSettings.list)
        if let url = value("TASKBOT_SLACK_API_URL").flatMap(URL.init(string:)) { settings.slackAPIBaseURL = url }
        do {
            settings.tasksAPI = try TasksAPIConfiguration.fromEnvironment(environment)
        } catch {
            throw Invalid(description: error.userMessage)
        }
        if settings.tasksAPI == nil, value("TASKS_API_URL") != nil {
            throw Invalid(description: "TASKS_API_URL is set but neither TASKS_API_KEY nor TASKS_API_TOKEN is")
        }
        settings.bot.allowedWorkspaces = Set(value("TASKBOT_SLACK_TEAMS").map(BotSettings.list) ?? [])
        if let zone = value("TASKBOT_TIMEZONE") {
            guard TimeZone(identifier: zone) != nil else {
                throw Invalid(description: "TASKBOT_TIMEZONE is not an IANA zone name: \(zone)")
            }
            settings.bot.defaultZone = zone
        }
        if let text = value("TASKBOT_PREVIEW_MINUTES") {
            guard let minutes = Double(text), minutes >= 1, minutes <= 30 else {
                throw Invalid(
                    description: "TASKBOT_PREVIEW_MINUTES must be a number from 1 to 30 (Slack's reply window)")
            }
            settings.bot.previewLifetime = minutes * 60
        }
        return settings
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
