/// Status lines (`HTTP/1.1 200 OK\r\n`) with their reason phrases, built once per status.
enum StatusLine {
    static let reasons: [Int: String] = [
        100: "Continue", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
        302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 417: "Expectation Failed",
        422: "Unprocessable Content", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]

    private static let lines: [Int: [UInt8]] = reasons.mapValues { _ in [] }.reduce(into: [:]) { table, entry in
        table[entry.key] = make(entry.key)
    }

    static func bytes(for status: Int) -> [UInt8] { lines[status] ?? make(status) }

    private static func make(_ status: Int) -> [UInt8] {
        let clamped = (100...999).contains(status) ? status : 500
        return Array("HTTP/1.1 \(clamped) \(reasons[clamped] ?? "Status")\r\n".utf8)
    }
}
