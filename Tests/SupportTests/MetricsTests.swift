import Support
import Testing

@Suite("Prometheus metrics")
struct MetricsTests {
    @Test("counters render one sorted series per label set, and a bare zero before the first increment")
    func counters() {
        let metrics = Metrics()
        let requests = metrics.counter("requests_total", help: "Requests.", labels: ["route", "status"])
        _ = metrics.counter("failures_total", help: "Failures.")
        requests.increment(["/b", "200"])
        requests.increment(["/a", "404"])
        requests.increment(["/b", "200"], by: 2)
        requests.increment(["/q\"x", "500"])
        #expect(requests.value(["/b", "200"]) == 3)
        #expect(requests.value(["/c", "200"]) == 0)
        #expect(
            metrics.render() == """
                # HELP requests_total Requests.
                # TYPE requests_total counter
                requests_total{route="/a",status="404"} 1
                requests_total{route="/b",status="200"} 3
                requests_total{route="/q\\"x",status="500"} 1
                # HELP failures_total Failures.
                # TYPE failures_total counter
                failures_total 0

                """)
    }

    @Test("histogram buckets are cumulative, with +Inf, sum and count per series")
    func histogram() {
        let metrics = Metrics()
        let seconds = metrics.histogram("latency_seconds", help: "Latency.", labels: ["route"])
        for value in [0.0004, 0.003, 0.003, 7.0, 12.0] { seconds.observe(value, ["/x"]) }
        let text = metrics.render()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="0.0005"} 1"#))
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="0.0025"} 1"#))
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="0.005"} 3"#))
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="5"} 3"#))
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="10"} 4"#))
        #expect(lines.contains(#"latency_seconds_bucket{route="/x",le="+Inf"} 5"#))
        #expect(lines.contains(#"latency_seconds_count{route="/x"} 5"#))
        #expect(lines.contains(#"latency_seconds_sum{route="/x"} 19.0064"#))
    }

    @Test("gauges are read at each scrape, labels sorted by name")
    func gauges() {
        let metrics = Metrics()
        metrics.gauge("pending", help: "Pending.") { [(["state": "applied", "kind": "a"], 2)] }
        #expect(metrics.render().contains(#"pending{kind="a",state="applied"} 2"#))
    }
}
