/// A failure of one of the test clients, with a sentence saying what went wrong.
public struct TestClientError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// A read found no byte before the socket's receive timeout.
    public static let timedOut = TestClientError("timed out waiting for data")
}
