import Foundation
import Synchronization

/// A structured logger that writes one JSON object per line.
///
/// Loggers are values: pass them into the modules that log, attach metadata with `with(_:)`, and hand
/// tests a logger whose sink captures the lines. Never put secrets, bodies or response URLs in metadata.
public struct Logger: Sendable {
    /// Severity of a log event, lowest first.
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case debug, info, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }

        /// Reads a level name such as `debug` or `warning`; nil for anything else.
        public init?(name: String) {
            switch name.lowercased() {
            case "debug": self = .debug
            case "info": self = .info
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }
    }

    /// Where finished lines go.
    public let sink: LogSink
    /// Events below this level are dropped before they are formatted.
    public var minimumLevel: Level
    /// Key-value pairs added to every line this logger writes.
    public var metadata: [String: String]

    public init(sink: LogSink = .standardError, minimumLevel: Level = .info, metadata: [String: String] = [:]) {
        self.sink = sink
        self.minimumLevel = minimumLevel
        self.metadata = metadata
    }

    /// A logger that discards everything.
    public static let disabled = Logger(sink: .discard, minimumLevel: .error)

    /// A copy of this logger with more metadata on every line.
    public func with(_ extra: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    public func debug(_ message: @autoclosure () -> String, _ fields: [String: String] = [:]) {
        log(.debug, message(), fields)
    }

    public func info(_ message: @autoclosure () -> String, _ fields: [String: String] = [:]) {
        log(.info, message(), fields)
    }

    public func warning(_ message: @autoclosure () -> String, _ fields: [String: String] = [:]) {
        log(.warning, message(), fields)
    }

    public func error(_ message: @autoclosure () -> String, _ fields: [String: String] = [:]) {
        log(.error, message(), fields)
    }

    /// Formats and writes one event if `level` passes the threshold.
    public func log(_ level: Level, _ message: @autoclosure () -> String, _ fields: [String: String] = [:]) {
        guard level >= minimumLevel else { return }
        var all = metadata
        all.merge(fields) { _, new in new }
        sink.write(Logger.format(level: level, message: message(), fields: all, at: Date()))
    }

    /// The JSON line for one event: `ts`, `level`, `msg`, then the fields in key order.
    static func format(level: Level, message: String, fields: [String: String], at date: Date) -> String {
        var line = "{\"ts\":\(JSONText.quote(ISO8601.string(from: date, fractional: true)))"
        line += ",\"level\":\"\(level)\",\"msg\":\(JSONText.quote(message))"
        for key in fields.keys.sorted() {
            line += ",\(JSONText.quote(key)):\(JSONText.quote(fields[key] ?? ""))"
        }
        return line + "}\n"
    }
}

/// The destination of log text: standard error, nothing, or a closure (tests capture lines this way).
/// Each write carries one or more complete lines.
public struct LogSink: Sendable {
    let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    public func write(_ text: String) { write(text) }

    /// Writes each text with one write(2) call where the kernel takes it whole, so that lines from several
    /// threads never interleave.
    public static let standardError = LogSink { text in
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(2, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    public static let discard = LogSink { _ in }
}

/// Collects log lines in memory so a test can read what was logged.
public final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// A sink that keeps each line apart, also when one write carries several.
    public var sink: LogSink {
        LogSink { [self] text in
            let received = text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) + "\n" }
            self.lines.withLock { $0.append(contentsOf: received) }
        }
    }

    /// Every line captured so far, in order, each with its newline.
    public var captured: [String] { lines.withLock { $0 } }

    /// The first line containing `text`, waiting up to `timeout` for it (an event loop writes its request
    /// lines at the end of a wake-up, a moment after the response); nil when none came.
    public func firstLine(containing text: String, timeout: Duration = .seconds(3)) async -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if let line = captured.first(where: { $0.contains(text) }) { return line }
            guard clock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
