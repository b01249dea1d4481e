import HTTPServer

/// Fuzzes `HTTPRequestParser`: it must never crash, and feeding the input whole or in pieces (sizes
/// drawn from the input's first byte) must give the same requests and the same error.
enum FuzzHTTP {
    static let smallLimits = HTTPRequestParser.Limits(
        maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderLines: 4, maxBodyBytes: 64)

    static func run(_ data: UnsafePointer<UInt8>, _ size: Int) {
        guard size > 0 else { return }
        let seed = data[0]
        let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        let limits = seed & 0x80 == 0 ? HTTPRequestParser.Limits.standard : smallLimits
        let whole = parse(bytes, pieces: [bytes.count], limits: limits)
        let split = parse(bytes, pieces: pieceSizes(seed: seed, total: bytes.count), limits: limits)
        precondition(whole.requests == split.requests, "split input parsed to different requests")
        precondition(whole.error == split.error, "split input failed differently")
        if let error = whole.error { precondition([400, 413, 414, 417, 431, 501, 505].contains(error.status)) }
    }

    private static func pieceSizes(seed: UInt8, total: Int) -> [Int] {
        var state = UInt32(seed) | 1
        var sizes: [Int] = []
        var used = 0
        while used < total {
            state = state &* 1_103_515_245 &+ 12345
            let size = Int(state >> 16) % 7 + 1
            sizes.append(size)
            used += size
        }
        return sizes
    }

    private static func parse(
        _ bytes: [UInt8], pieces: [Int], limits: HTTPRequestParser.Limits
    ) -> (requests: [HTTPParsedRequest], error: HTTPParseError?) {
        var parser = HTTPRequestParser(limits: limits)
        var requests: [HTTPParsedRequest] = []
        var offset = 0
        for size in pieces where offset < bytes.count {
            let end = min(offset + size, bytes.count)
            parser.append(contentsOf: bytes[offset..<end])
            offset = end
            do {
                while let request = try parser.next() {
                    requests.append(request)
                    _ = parser.wantsContinue
                }
            } catch {
                return (requests, error)
            }
        }
        return (requests, nil)
    }
}
