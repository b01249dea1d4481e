import COpenSSL

/// An OpenSSL failure: the operation plus the messages OpenSSL queued for it.
public struct TLSError: Error, CustomStringConvertible, Sendable {
    /// What was being done, for example `load certificate chain /path`.
    public let operation: String
    /// OpenSSL's own error strings, oldest first.
    public let messages: [String]

    public var description: String {
        messages.isEmpty ? operation : "\(operation): \(messages.joined(separator: "; "))"
    }

    /// Drains OpenSSL's thread-local error queue into an error for `operation`.
    public static func fromQueue(_ operation: String) -> TLSError {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            messages.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return TLSError(operation: operation, messages: messages)
    }
}
