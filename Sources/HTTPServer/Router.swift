/// Maps method and path to a handler. Unknown paths answer 404, known paths with another method 405
/// with `Allow`; both as small JSON bodies.
public struct Router: Sendable {
    private var routes: [String: [String: HTTPHandler]] = [:]
    /// Answers every request no route matches, instead of 404/405; nil by default.
    public var fallback: HTTPHandler?

    public init() {}

    /// Registers `handler` for `method` on the exact `path` (no query, no patterns).
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        routes[path, default: [:]][method.uppercased()] = handler
    }

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
