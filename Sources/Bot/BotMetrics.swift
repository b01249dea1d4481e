import HTTPServer
import Support
import TasksAPI

/// The bot's own metrics, registered on the service's `Metrics`.
struct BotMetrics: Sendable {
    let signatureFailures: Counter
    let workerRetries: Counter
    let requests: Counter
    let requestSeconds: Histogram
    let apiCalls: Counter
    let apiSeconds: Histogram

    init(_ metrics: Metrics) {
        signatureFailures = metrics.counter(
            "taskbot_signature_failures_total", help: "Webhook requests rejected by the signature check.")
        workerRetries = metrics.counter(
            "taskbot_worker_retries_total", help: "Attempts to apply a confirmed change that must be retried.")
        requests = metrics.counter(
            "taskbot_http_requests_total", help: "HTTP requests answered, by route and status.",
            labels: ["route", "status"])
        requestSeconds = metrics.histogram(
            "taskbot_http_request_duration_seconds", help: "Time from request to queued response, by route.",
            labels: ["route"])
        apiCalls = metrics.counter(
            "taskbot_tasks_api_calls_total", help: "HTTP attempts to the tasks API, by method and status or failure.",
            labels: ["method", "result"])
        apiSeconds = metrics.histogram(
            "taskbot_tasks_api_call_duration_seconds", help: "Duration of tasks API attempts, by method.",
            labels: ["method"])
    }

    func observe(_ request: RequestSummary) {
        requests.increment([request.route, String(request.status)])
        if let seconds = request.seconds { requestSeconds.observe(seconds, [request.route]) }
    }

    func observe(_ attempt: TasksAPIAttempt) {
        apiCalls.increment([attempt.method, attempt.result])
        apiSeconds.observe(attempt.seconds, [attempt.method])
    }
}
