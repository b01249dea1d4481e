/// What `ServerConfiguration.requestObserver` learns about one answered request.
public struct RequestSummary: Sendable, Equatable {
    /// The registered path, `other` for paths without a route, or `unparsed` for a request refused before its
    /// head could be read (400, 408, 413, 414, 431).
    public var route: String
    public var status: Int
    /// From the first byte of the request to the queued response; nil for an `unparsed` request.
    public var seconds: Double?

    public init(route: String, status: Int, seconds: Double?) {
        self.route = route
        self.status = status
        self.seconds = seconds
    }
}
