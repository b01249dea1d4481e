// TEST-ONLY, THROWAWAY: a minimal plain-HTTP/1.1 server (one request per connection) that serves a
// Router on 127.0.0.1, used until the project's HTTPServer is merged; delete it then.
import Foundation
import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

final class ThrowawayHTTPServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let router: Router

    init(router: Router) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        self.router = router
        Thread { [self] in acceptLoop() }.start()
    }

    func shutdown() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = readRequest(client) else { return }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        Task { [router] in
            box.response = await router.respond(to: request)
            done.signal()
        }
        done.wait()
        guard let response = box.response else { return }
        var head = "HTTP/1.1 \(response.status) X\r\nContent-Length: \(response.body.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        let bytes = Array((head + "\r\n").utf8) + response.body
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private func readRequest(_ client: Int32) -> HTTPRequest? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        var needed = Int.max
        while data.count < needed {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            if headEnd == nil, let range = Data(data).range(of: Data("\r\n\r\n".utf8)) {
                headEnd = range.upperBound
                let head = String(decoding: data[0..<range.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n").compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
                needed = range.upperBound + length
            }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: data[0..<(headEnd - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let start = lines[0].split(separator: " ")
        guard start.count == 3 else { return nil }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers.add(String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces)) }
        }
        return HTTPRequest(
            method: String(start[0]), target: String(start[1]), headers: headers, body: Array(data[headEnd...]),
            requestID: UUID().uuidString, remoteAddress: "127.0.0.1:1")
    }
}

// @unchecked: written once by the handler task before the semaphore signal, read after the wait.
private final class ResponseBox: @unchecked Sendable {
    var response: HTTPResponse?
}
