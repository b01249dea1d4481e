// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "taskbot",
    products: [
        .executable(name: "taskbot", targets: ["taskbot"]),
        .executable(name: "taskbot-fuzz", targets: ["taskbot-fuzz"]),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CShims", dependencies: ["COpenSSL", "CSQLite"]),
        .target(name: "Support"),
        .target(name: "HTTPServer", dependencies: ["CShims", "COpenSSL", "Support"]),
        .target(name: "HTTPClient", dependencies: ["CShims", "COpenSSL"]),
        .target(name: "Schedule"),
        .target(name: "Commands", dependencies: ["Schedule", "Support"]),
        .target(name: "Storage", dependencies: ["CSQLite", "CShims", "Support"]),
        .target(name: "TasksAPI", dependencies: ["Support"]),
        .target(
            name: "LocalTasksAPI",
            dependencies: ["HTTPServer", "Storage", "Schedule", "TasksAPI", "Support"]
        ),
        .target(name: "ChatKit"),
        .target(name: "Slack", dependencies: ["ChatKit", "CShims", "COpenSSL", "Support"]),
        .target(
            name: "Bot",
            dependencies: [
                "ChatKit", "HTTPServer", "Schedule", "Commands", "Storage", "TasksAPI", "LocalTasksAPI", "Slack",
                "Support",
            ]
        ),
        .executableTarget(
            name: "taskbot",
            dependencies: [
                "Bot", "ChatKit", "HTTPClient", "HTTPServer", "Schedule", "Commands", "LocalTasksAPI", "Slack",
                "Support",
            ]
        ),
        .executableTarget(
            name: "taskbot-fuzz",
            dependencies: ["HTTPServer", "Schedule", "Commands", "Slack"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["CShims", "COpenSSL", "Support"]
        ),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "ScheduleTests", dependencies: ["Schedule", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Schedule", "TestSupport"]),
        .testTarget(
            name: "TasksAPITests",
            dependencies: ["TasksAPI", "LocalTasksAPI", "Storage", "HTTPServer", "TestSupport"]
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"]),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "SlackTests", dependencies: ["Slack", "ChatKit", "TestSupport"]),
        .testTarget(
            name: "BotTests",
            dependencies: [
                "Bot", "ChatKit", "HTTPClient", "Slack", "TasksAPI", "LocalTasksAPI", "HTTPServer", "Storage",
                "TestSupport",
            ]
        ),
    ]
)
