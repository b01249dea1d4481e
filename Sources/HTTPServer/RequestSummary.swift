/// What `ServerConfiguration.requestObserver` learns about one answered request.
public struct RequestSummary: Sendable, Equatable {
    /// The registered path, or `other` for paths without a route.
    public var route: String
    public var status: Int
    /// From the first byte of the request to the queued response.
    public var seconds: Double

    public init(route: String, status: Int, seconds: Double) {
        self.route = route
        self.status = status
        self.seconds = seconds
    }
}
