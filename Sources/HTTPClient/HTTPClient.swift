import Dispatch
import Foundation

/// Async access to one `HTTPClientConnection`. The blocking socket work runs on a private serial queue,
/// never on Swift's cooperative threads, so an in-process server in the same program keeps running.
public final class HTTPClient: @unchecked Sendable {
    // Safe: `connection` is only touched on `queue`, which is serial.
    private let queue = DispatchQueue(label: "taskbot.http-client")
    private var connection: HTTPClientConnection?
    private let host: String
    private let port: Int
    private let certificatePath: String?

    /// A client for `host:port`; TLS trusting `certificatePath` when given, else plain HTTP.
    public init(host: String = "127.0.0.1", port: Int, trusting certificatePath: String?) {
        self.host = host
        self.port = port
        self.certificatePath = certificatePath
    }

    /// Sends a request on the kept-alive connection, reconnecting once if the server closed it.
    public func send(
        method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> HTTPClientConnection.Response {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.exchange(method, path, headers, body) })
            }
        }
    }

    private func exchange(
        _ method: String, _ path: String, _ headers: [(String, String)], _ body: [UInt8]
    ) throws -> HTTPClientConnection.Response {
        for attempt in 0..<2 {
            do {
                if connection == nil {
                    connection = try HTTPClientConnection(host: host, port: port, trusting: certificatePath)
                }
                let response = try connection!.send(method: method, path: path, headers: headers, body: body)
                if response.header("Connection")?.lowercased() == "close" { connection = nil }
                return response
            } catch {
                connection = nil
                if attempt == 1 { throw error }
            }
        }
        throw HTTPClientConnection.Failure(description: "unreachable")
    }
}
