import Foundation
import Support
import Synchronization

/// A plain-HTTP server on loopback that keeps the body of every `POST` it receives, in order. It
/// plays Slack's `response_url` (and Web API) for `taskbot try` and for end-to-end tests.
public final class PostCollector: Sendable {
    /// One received request: its path and query, headers and body.
    public struct Post: Sendable {
        public let target: String
        public let headers: HTTPHeaders
        public let body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private final class Inbox: Sendable {
        let posts = Mutex<[Post]>([])
        /// Index of the next post `next` hands out.
        let cursor = Mutex(0)
    }

    private let server: HTTPServer
    private let inbox = Inbox()
    /// The port it listens on, on 127.0.0.1.
    public let port: Int

    /// Starts listening on `127.0.0.1:0`. `answer` builds the response to each post (default `200 ok`).
    public init(answer: @escaping @Sendable (Post) -> HTTPResponse = { _ in .text(200, "ok") }) throws {
        let inbox = self.inbox
        var router = Router()
        let handler: HTTPHandler = { request in
            let post = Post(target: request.target, headers: request.headers, body: request.body)
            inbox.posts.withLock { $0.append(post) }
            return answer(post)
        }
        router.fallback = handler
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoopCount = 1
        server = HTTPServer(configuration: configuration, tls: nil, router: router, logger: .disabled)
        port = try server.start()
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    public func url(_ path: String = "/reply") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every post received so far.
    public var posts: [Post] { inbox.posts.withLock { $0 } }

    /// The next post not yet handed out, waiting up to `timeout` seconds; nil when none came.
    public func next(timeout: TimeInterval) async -> Post? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let found = inbox.cursor.withLock { cursor -> Post? in
                let posts = inbox.posts.withLock { $0 }
                guard cursor < posts.count else { return nil }
                cursor += 1
                return posts[cursor - 1]
            }
            if let found { return found }
            try? await Task.sleep(nanoseconds: 20_000_000)
        } while Date() < deadline
        return nil
    }

    public func stop() async { await server.shutdown() }
}
