import Foundation
import Synchronization

/// Counts the requests the local API receives and holds the fault that tests inject.
final class TrafficControl: Sendable {
    /// An injected fault: the next `remaining` calls wait `delay`, then answer `status` if set.
    struct Fault: Sendable, Equatable {
        var status: Int?
        var delay: Duration
        /// Sent as the `Retry-After` header with an injected status.
        var retryAfter: String?
        var remaining: Int
    }

    /// One received request, as `GET /_admin/requests` lists it. Never holds a credential.
    struct Received: Sendable, Encodable {
        var method: String
        var path: String
        var requestID: String?
        /// `x-api-key`, `bearer`, `both` or `none`.
        var auth: String
        var body: String?

        enum CodingKeys: String, CodingKey {
            case method, path, auth, body
            case requestID = "request_id"
        }
    }

    private struct State {
        var fault: Fault?
        var counts: [String: Int] = [:]
        var received: [Received] = []
    }

    /// How many received requests `GET /_admin/requests` keeps.
    static let keptRequests = 200
    /// How much of each body it keeps, so that large bodies cannot pile up in memory.
    static let keptBodyBytes = 16 * 1024

    private let state = Mutex(State())

    /// Counts `received` under "METHOD /path" and keeps it in the recent list.
    func record(_ received: Received) {
        state.withLock { state in
            state.counts["\(received.method) \(received.path)", default: 0] += 1
            state.received.append(received)
            if state.received.count > Self.keptRequests { state.received.removeFirst() }
        }
    }

    /// The fault to apply to this call, if one is armed; uses up one of its count.
    func takeFault() -> Fault? {
        state.withLock { state in
            guard var fault = state.fault, fault.remaining > 0 else { return nil }
            fault.remaining -= 1
            state.fault = fault.remaining > 0 ? fault : nil
            return fault
        }
    }

    /// Arms `fault`, or clears any fault when its count is 0.
    func arm(_ fault: Fault) {
        state.withLock { $0.fault = fault.remaining > 0 ? fault : nil }
    }

    /// Requests received so far by "METHOD /path".
    var counts: [String: Int] { state.withLock { $0.counts } }

    /// The most recent requests, oldest first.
    var recent: [Received] { state.withLock { $0.received } }
}
