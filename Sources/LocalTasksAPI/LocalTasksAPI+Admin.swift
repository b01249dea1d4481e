import HTTPServer
import Support

extension LocalTasksAPI {
    /// `POST /_admin/faults` with `{"status": 503, "delay_ms": 5000, "count": 3, "retry_after": "2"}`:
    /// the next `count` calls to `/api/tasks*` wait `delay_ms`, then answer `status` (with
    /// `Retry-After: retry_after`) when one is given. `count: 0` clears the fault.
    func setFault(_ request: HTTPRequest) throws(APIFailure) -> HTTPResponse {
        guard case .object(let body) = try Self.json(request) else {
            throw APIFailure.invalid("Expected object, received a non-object", at: [])
        }
        let known: Set = ["status", "delay_ms", "count", "retry_after"]
        if let unknown = body.keys.sorted().first(where: { !known.contains($0) }) {
            throw APIFailure.invalid("Unrecognized key(s) in object: '\(unknown)'", at: [])
        }
        let count = try Self.integer(body["count"], "count", in: 0...1_000_000) ?? 1
        let status = try Self.integer(body["status"], "status", in: 100...599)
        let delay = try Self.integer(body["delay_ms"], "delay_ms", in: 0...600_000) ?? 0
        var retryAfter: String?
        switch body["retry_after"] {
        case .string(let text)?: retryAfter = text
        case .number(let seconds)?: retryAfter = String(Int(seconds))
        case nil, .null?: break
        default: throw APIFailure.invalid("retry_after must be a string or a number", at: ["retry_after"])
        }
        traffic.arm(.init(status: status, delay: .milliseconds(delay), retryAfter: retryAfter, remaining: count))
        return .json(200, #"{"status":"success","remaining":\#(count)}"#)
    }

    /// `GET /_admin/stats`: `{"requests": {"GET /api/tasks": n, ...}}`, every request received so far.
    func stats(_ request: HTTPRequest) throws(APIFailure) -> HTTPResponse {
        let counts = traffic.counts
        let fields = counts.keys.sorted().map { "\(Self.quote($0)):\(counts[$0] ?? 0)" }
        return .json(200, "{\"requests\":{\(fields.joined(separator: ","))}}")
    }

    /// `GET /_admin/requests`: the latest requests with method, path, `X-Request-Id`, credential kind
    /// and body, oldest first, so tests can check what a client really sent. No credential is kept.
    func recentRequests(_ request: HTTPRequest) throws(APIFailure) -> HTTPResponse {
        struct Answer: Encodable {
            var requests: [TrafficControl.Received]
        }
        do {
            return .json(200, try Self.encode(Answer(requests: traffic.recent)))
        } catch {
            throw APIFailure(status: 500, message: "Internal server error")
        }
    }

    private static func integer(_ value: JSONValue?, _ name: String, in range: ClosedRange<Int>) throws(APIFailure)
        -> Int?
    {
        guard let value, value != .null else { return nil }
        guard case .number(let number) = value, number == number.rounded(), range.contains(Int(exactly: number) ?? -1)
        else {
            throw APIFailure.invalid(
                "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)", at: [name])
        }
        return Int(number)
    }

    private static func quote(_ text: String) -> String { JSONText.quote(text) }
}
