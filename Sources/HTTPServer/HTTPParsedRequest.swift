/// One request as the parser read it, before the server adds a request id and peer address.
public struct HTTPParsedRequest: Sendable, Equatable {
    /// The method token, for example `POST`.
    public var method: String
    /// The request target exactly as sent.
    public var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    /// Header fields in the order received (trailers of a chunked body are not included).
    public var headers: HTTPHeaders
    /// The body with any chunked framing removed.
    public var body: [UInt8]
    /// Whether the connection may stay open after the response (version default plus `Connection`).
    public var keepAlive: Bool

    public init(
        method: String, target: String, minorVersion: Int = 1, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], keepAlive: Bool = true
    ) {
        self.method = method
        self.target = target
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }
}

extension HTTPHeaders: Equatable {
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

extension HTTPHeaders {
    /// The first value of `lowercaseName` compared byte-wise without regard to ASCII case; cheaper than the
    /// subscript (which uses Foundation's locale-aware comparison) on the request path.
    func asciiValue(_ lowercaseName: String) -> String? {
        let wanted = lowercaseName.utf8
        for field in fields where field.name.utf8.count == wanted.count {
            if zip(field.name.utf8, wanted).allSatisfy({ HTTPSyntax.lowercased($0) == $1 }) { return field.value }
        }
        return nil
    }
}
