/// A minimal command-line reader for `--name value`, `--name=value` and `--switch` options plus positionals.
///
/// Every subcommand of `taskbot` reads its arguments with this so that errors read the same everywhere.
public struct Arguments: Sendable {
    /// Options seen, by name without the leading dashes; a switch maps to "true".
    public private(set) var options: [String: String] = [:]
    /// Everything that was not an option, in order.
    public private(set) var positionals: [String] = []

    /// An argument list that could not be read, with the sentence to print.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// Reads `arguments`; `switches` names the options that take no value. `--` ends option parsing.
    public init(_ arguments: [String], switches: Set<String> = []) throws(Failure) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !onlyPositionals, argument.hasPrefix("--"), argument.count > 2 else {
                if argument == "--" { onlyPositionals = true } else { positionals.append(argument) }
                continue
            }
            var name = String(argument.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                options[String(name[..<equals])] = String(name[name.index(after: equals)...])
                continue
            }
            if switches.contains(name) {
                options[name] = "true"
                continue
            }
            guard index < arguments.count else { throw Failure(description: "option --\(name) needs a value") }
            name = String(name)
            options[name] = arguments[index]
            index += 1
        }
    }

    /// The value of `--name`, else the environment variable `environment`, else nil.
    public func value(_ name: String, environment: String? = nil) -> String? {
        if let value = options[name] { return value }
        if let environment, let value = Environment.value(environment), !value.isEmpty { return value }
        return nil
    }

    /// True when the switch `--name` was given.
    public func flag(_ name: String) -> Bool { options[name] == "true" }

    /// Fails when an option outside `known` was given, naming it.
    public func rejectUnknown(_ known: Set<String>) throws(Failure) {
        for name in options.keys.sorted() where !known.contains(name) {
            throw Failure(description: "unknown option --\(name)")
        }
    }
}
