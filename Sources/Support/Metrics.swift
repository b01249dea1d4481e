import Foundation
import Synchronization

/// A counter with a fixed set of label names, rendered in the Prometheus text format.
public final class Counter: Sendable {
    public let name: String
    public let help: String
    /// The label names, in the order `increment` takes their values.
    public let labelNames: [String]
    private let values = Mutex<[[String]: Double]>([:])

    public init(_ name: String, help: String, labels: [String] = []) {
        self.name = name
        self.help = help
        labelNames = labels
    }

    /// Adds `amount` to the series whose label values are `labels`, in the order of `labelNames`
    /// (for example `["/healthz", "200"]` for `route` and `status`).
    public func increment(_ labels: [String] = [], by amount: Double = 1) {
        precondition(labels.count == labelNames.count, "\(name) takes \(labelNames.count) label values")
        values.withLock { $0[labels, default: 0] += amount }
    }

    /// The current value of one series.
    public func value(_ labels: [String] = []) -> Double {
        values.withLock { $0[labels] ?? 0 }
    }

    func render() -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
        let snapshot = values.withLock { $0 }.map { (Metrics.labelText(labelNames, $0.key), $0.value) }
        if snapshot.isEmpty && labelNames.isEmpty { out += "\(name) 0\n" }
        for (key, value) in snapshot.sorted(by: { $0.0 < $1.0 }) {
            out += "\(name)\(key) \(Metrics.number(value))\n"
        }
        return out
    }
}

/// A histogram of durations in seconds with fixed buckets and a fixed set of label names.
public final class Histogram: Sendable {
    public let name: String
    public let help: String
    public let buckets: [Double]
    /// The label names, in the order `observe` takes their values.
    public let labelNames: [String]
    private struct Series {
        /// Observations per bucket, not cumulative; the last slot counts those above every bound.
        var counts: [Int]
        var sum: Double = 0
    }
    private let series = Mutex<[[String]: Series]>([:])

    public init(
        _ name: String, help: String, labels: [String] = [],
        buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    ) {
        self.name = name
        self.help = help
        self.buckets = buckets
        labelNames = labels
    }

    /// Counts one observation of `seconds` in the series whose label values are `labels`.
    public func observe(_ seconds: Double, _ labels: [String] = []) {
        precondition(labels.count == labelNames.count, "\(name) takes \(labelNames.count) label values")
        let bucket = buckets.firstIndex { seconds <= $0 } ?? buckets.count
        series.withLock { all in
            var entry = all.removeValue(forKey: labels) ?? Series(counts: Array(repeating: 0, count: buckets.count + 1))
            entry.counts[bucket] += 1
            entry.sum += seconds
            all[labels] = entry
        }
    }

    func render() -> String {
        var out = "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        let snapshot = series.withLock { $0 }.map { (labels: $0.key, entry: $0.value) }
        for (labels, entry) in snapshot.sorted(by: { $0.labels.lexicographicallyPrecedes($1.labels) }) {
            let key = Metrics.labelText(labelNames, labels)
            let inner = key.isEmpty ? "" : String(key.dropFirst().dropLast()) + ","
            var cumulative = 0
            for (index, bound) in buckets.enumerated() {
                cumulative += entry.counts[index]
                out += "\(name)_bucket{\(inner)le=\"\(Metrics.number(bound))\"} \(cumulative)\n"
            }
            let count = cumulative + entry.counts[buckets.count]
            out += "\(name)_bucket{\(inner)le=\"+Inf\"} \(count)\n"
            out += "\(name)_sum\(key) \(Metrics.number(entry.sum))\n\(name)_count\(key) \(count)\n"
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

    public func counter(_ name: String, help: String, labels: [String] = []) -> Counter {
        let counter = Counter(name, help: help, labels: labels)
        counters.withLock { $0.append(counter) }
        return counter
    }

    public func histogram(_ name: String, help: String, labels: [String] = []) -> Histogram {
        let histogram = Histogram(name, help: help, labels: labels)
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
                let sorted = labels.sorted { $0.key < $1.key }
                out += "\(gauge.name)\(Metrics.labelText(sorted.map(\.key), sorted.map(\.value))) \(number(value))\n"
            }
        }
        return out
    }

    private func number(_ value: Double) -> String { Metrics.number(value) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `{a="1",b="2"}` for the label names and values, values escaped, or "" without labels.
    static func labelText(_ names: [String], _ values: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let parts = zip(names, values).map { "\($0)=\"\(escape($1))\"" }
        return "{\(parts.joined(separator: ","))}"
    }

    static func escape(_ value: String) -> String {
        // Most label values (routes, statuses, methods) need no escaping; skip Foundation for them.
        let needsEscaping = value.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
        }
        guard needsEscaping else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
