import Support

/// The bot's own metrics, registered on the service's `Metrics`.
struct BotMetrics: Sendable {
    let signatureFailures: Counter
    let workerRetries: Counter

    init(_ metrics: Metrics) {
        signatureFailures = metrics.counter(
            "taskbot_signature_failures_total", help: "Webhook requests rejected by the signature check.")
        workerRetries = metrics.counter(
            "taskbot_worker_retries_total", help: "Attempts to apply a confirmed change that must be retried.")
    }
}
