import Foundation

/// Reads process environment variables.
public enum Environment {
    /// The value of `name`, or nil when it is unset.
    public static func value(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
}
