import COpenSSL

/// HMAC-SHA256 through OpenSSL's one-shot `HMAC()`, which OpenSSL 3.0 keeps undeprecated and which
/// needs no context handle to free.
enum HMACSHA256 {
    /// Length of a SHA-256 digest in bytes.
    static let digestLength = 32

    /// The MAC of `message` under `key`. Both are raw bytes; an empty key is allowed.
    static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // A non-null pointer is passed even for an empty key: OpenSSL reads a null key as "reuse the previous
        // key", which a one-shot call does not have.
        let paddedKey = key + [0]
        let result = paddedKey.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, Int32(key.count), messageBuffer.baseAddress,
                        messageBuffer.count, outBuffer.baseAddress, &length)
                }
            }
        }
        // HMAC() fails only when OpenSSL cannot allocate or cannot fetch SHA-256, in which case no request
        // could ever be verified; crashing loudly beats answering every request with 401.
        precondition(result != nil && length == UInt32(digestLength), "OpenSSL HMAC-SHA256 failed")
        return Array(out.prefix(digestLength))
    }

    /// Lowercase hexadecimal digits of `bytes`.
    static func hex(_ bytes: [UInt8]) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return out
    }
}
