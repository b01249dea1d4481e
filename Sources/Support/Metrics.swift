import Foundation
import Synchronization

/// A counter with optional labels, rendered in the Prometheus text format.
public final class Counter: Sendable {
    public let name: String
    public let help: String
    private let values = Mutex<[String: Double]>([:])

    public init(_ name: String, help: String) {
        self.name = name
        self.help = help
    }

    /// Adds `amount` to the series with `labels` (for example `["route": "/healthz", "status": "200"]`).
    public func increment(_ labels: [String: String] = [:], by amount: Double = 1) {
        let key = Counter.key(labels)
        values.withLock { $0[key, default: 0] += amount }
    }

    /// The current value of one series.
    public func value(_ labels: [String: String] = [:]) -> Double {
        values.withLock { $0[Counter.key(labels)] ?? 0 }
    }

    func render() -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
        let snapshot = values.withLock { $0 }
        if snapshot.isEmpty { out += "\(name) 0\n" }
        for (key, value) in snapshot.sorted(by: { $0.key < $1.key }) {
            out += "\(name)\(key) \(Metrics.number(value))\n"
        }
        return out
    }

    /// `{a="1",b="2"}` with keys sorted and values escaped, or "" without labels.
    static func key(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "" }
        let parts = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Metrics.escape($0.value))\"" }
        return "{\(parts.joined(separator: ","))}"
    }
}

/// A histogram of durations in seconds with fixed buckets and optional labels.
public final class Histogram: Sendable {
    public let name: String
    public let help: String
    public let buckets: [Double]
    private struct Series {
        var counts: [Int]
        var sum: Double = 0
        var count = 0
    }
    private let series = Mutex<[String: Series]>([:])

    public init(
        _ name: String, help: String,
        buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    ) {
        self.name = name
        self.help = help
        self.buckets = buckets
    }

    public func observe(_ seconds: Double, _ labels: [String: String] = [:]) {
        let key = Counter.key(labels)
        series.withLock { all in
            var entry = all[key] ?? Series(counts: Array(repeating: 0, count: buckets.count))
            for (index, bound) in buckets.enumerated() where seconds <= bound { entry.counts[index] += 1 }
            entry.sum += seconds
            entry.count += 1
            all[key] = entry
        }
    }

    func render() -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        for (key, entry) in series.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            let inner = key.isEmpty ? "" : String(key.dropFirst().dropLast()) + ","
            for (index, bound) in buckets.enumerated() {
                out += "\(name)_bucket{\(inner)le=\"\(Metrics.number(bound))\"} \(entry.counts[index])\n"
            }
            out += "\(name)_bucket{\(inner)le=\"+Inf\"} \(entry.count)\n"
            out += "\(name)_sum\(key) \(Metrics.number(entry.sum))\n\(name)_count\(key) \(entry.count)\n"
        }
        return out
    }
}

/// A set of metrics rendered together for `GET /metrics`; gauges are read when rendered.
public final class Metrics: Sendable {
    private let counters = Mutex<[Counter]>([])
    private let histograms = Mutex<[Histogram]>([])
    private let gauges = Mutex<[(name: String, help: String, read: @Sendable () -> [([String: String], Double)])]>([])

    public init() {}

    public func counter(_ name: String, help: String) -> Counter {
        let counter = Counter(name, help: help)
        counters.withLock { $0.append(counter) }
        return counter
    }

    public func histogram(_ name: String, help: String) -> Histogram {
        let histogram = Histogram(name, help: help)
        histograms.withLock { $0.append(histogram) }
        return histogram
    }

    /// A gauge whose series are computed by `read` at each scrape.
    public func gauge(_ name: String, help: String, read: @escaping @Sendable () -> [([String: String], Double)]) {
        gauges.withLock { $0.append((name, help, read)) }
    }

    /// Everything in the Prometheus text exposition format, version 0.0.4.
    public func render() -> String {
        var out = counters.withLock { $0 }.map { $0.render() }.joined()
        out += histograms.withLock { $0 }.map { $0.render() }.joined()
        for gauge in gauges.withLock({ $0 }) {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
            for (labels, value) in gauge.read() {
                out += "\(gauge.name)\(Counter.key(labels)) \(number(value))\n"
            }
        }
        return out
    }

    private func number(_ value: Double) -> String { Metrics.number(value) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func escape(_ value: String) -> String {
        // Label values are escaped on every request; Foundation's replacing costs more than the rest of
        // counting one, and a route or status needs no escaping at all.
        let needsEscaping = value.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
        }
        guard needsEscaping else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
