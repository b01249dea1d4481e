/// A handler cheap enough to run on the event loop itself; see `Router.addInline`.
public typealias InlineHTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// What a staged handler decides on the event loop: answer at once, or hand the rest of the work to a
/// thread off the loop.
public enum HTTPStage: Sendable {
    /// The answer, written at once by the loop.
    case respond(HTTPResponse)
    /// Work that may block or wait (I/O, locks); it runs off the loop and its result is the answer.
    case continueOffLoop(@Sendable () async -> HTTPResponse)
}

/// The event-loop half of a staged route; see `Router.addStaged`.
public typealias StagedHTTPHandler = @Sendable (HTTPRequest) -> HTTPStage

/// Maps method and path to a handler. Unknown paths answer 404, known paths with another method 405
/// with `Allow`; both as small JSON bodies.
public struct Router: Sendable {
    private var routes: [String: [String: HTTPHandler]] = [:]
    private var stagedRoutes: [String: [String: StagedHTTPHandler]] = [:]
    /// Answers every request no route matches, instead of 404/405; nil by default.
    public var fallback: HTTPHandler?

    public init() {}

    /// Registers `handler` for `method` on the exact `path` (no query, no patterns). It runs off the
    /// event loop.
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        routes[path, default: [:]][method.uppercased()] = handler
    }

    /// Registers a synchronous `handler` that the server runs on its event loop, without a hop to another
    /// thread. Only for handlers that answer at once from memory (health checks); anything that could
    /// block or take more than microseconds belongs in `add(_:_:_:)`, which runs off the loop.
    public mutating func addInline(_ method: String, _ path: String, _ handler: @escaping InlineHTTPHandler) {
        addStaged(method, path) { request in .respond(handler(request)) }
    }

    /// Registers a handler whose first stage runs on the event loop and either answers from memory or
    /// returns the rest of the work, which then runs off the loop like an `add(_:_:_:)` handler. The first
    /// stage must stay within microseconds and never block: a webhook whose signature is wrong, or whose
    /// command needs no I/O, is answered without two thread hops.
    public mutating func addStaged(_ method: String, _ path: String, _ handler: @escaping StagedHTTPHandler) {
        stagedRoutes[path, default: [:]][method.uppercased()] = handler
        add(method, path) { request in
            switch handler(request) {
            case .respond(let response): return response
            case .continueOffLoop(let work): return await work()
            }
        }
    }

    /// The staged (or inline) handler for a request, if one was registered (HEAD falls back to GET).
    public func stagedHandler(method: String, path: String) -> StagedHTTPHandler? {
        guard let byMethod = stagedRoutes[path] else { return nil }
        return byMethod[method] ?? (method == "HEAD" ? byMethod["GET"] : nil)
    }

    /// True when `path` has a registered route (metrics label unknown paths "other" to bound their number).
    public func isRoute(_ path: String) -> Bool { routes[path] != nil }

    /// The handler for a request, or nil with the response to send instead (404 or 405).
    public func handler(method: String, path: String) -> Result<HTTPHandler, RouteMiss> {
        guard let byMethod = routes[path] else { return fallback.map { .success($0) } ?? .failure(.notFound) }
        if let handler = byMethod[method] { return .success(handler) }
        if method == "HEAD", let handler = byMethod["GET"] { return .success(handler) }
        if let fallback { return .success(fallback) }
        var allowed = Set(byMethod.keys)
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return .failure(.methodNotAllowed(allowed: allowed.sorted()))
    }

    /// Runs the matching handler, or answers 404/405.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch handler(method: request.method, path: request.path) {
        case .success(let handler): return await handler(request)
        case .failure(let miss): return miss.response
        }
    }
}

/// Why no route matched.
public enum RouteMiss: Error, Equatable {
    case notFound
    case methodNotAllowed(allowed: [String])

    /// The JSON error response for this miss.
    public var response: HTTPResponse {
        switch self {
        case .notFound:
            return .json(404, #"{"error":"not found"}"#)
        case .methodNotAllowed(let allowed):
            var response = HTTPResponse.json(405, #"{"error":"method not allowed"}"#)
            response.headers.add("Allow", allowed.joined(separator: ", "))
            return response
        }
    }
}
