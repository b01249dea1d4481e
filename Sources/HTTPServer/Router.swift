/// A handler cheap enough to run on the event loop itself; see `Router.addInline`.
public typealias InlineHTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Maps method and path to a handler. Unknown paths answer 404, known paths with another method 405
/// with `Allow`; both as small JSON bodies.
public struct Router: Sendable {
    private var routes: [String: [String: HTTPHandler]] = [:]
    private var inlineRoutes: [String: [String: InlineHTTPHandler]] = [:]
    /// Answers every request no route matches, instead of 404/405; nil by default.
    public var fallback: HTTPHandler?

    public init() {}

    /// Registers `handler` for `method` on the exact `path` (no query, no patterns).
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        routes[path, default: [:]][method.uppercased()] = handler
    }

    /// Registers a synchronous `handler` that the server runs on its event loop, without a hop to another
    /// thread. Only for handlers that answer at once from memory (health checks); anything that could
    /// block or take more than microseconds belongs in `add(_:_:_:)`, which runs off the loop.
    public mutating func addInline(_ method: String, _ path: String, _ handler: @escaping InlineHTTPHandler) {
        inlineRoutes[path, default: [:]][method.uppercased()] = handler
        add(method, path) { request in handler(request) }
    }

    /// The inline handler for a request, if one was registered with `addInline` (HEAD falls back to GET).
    public func inlineHandler(method: String, path: String) -> InlineHTTPHandler? {
        guard let byMethod = inlineRoutes[path] else { return nil }
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
        return .failure(.methodNotAllowed(allowed: byMethod.keys.sorted()))
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
