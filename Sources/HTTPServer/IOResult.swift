/// The outcome of one non-blocking read or write on a connection's transport.
enum IOResult {
    /// This many bytes moved (always more than zero).
    case transferred(Int)
    /// Nothing can move now; wait until the socket is writable (`true`) or readable (`false`).
    case wouldBlock(waitForWritable: Bool)
    /// The peer finished sending (EOF or TLS close_notify).
    case endOfStream
    /// The connection is unusable; the text says why (for debug logs).
    case failed(String)
}
