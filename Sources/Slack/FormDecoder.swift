/// Decodes `application/x-www-form-urlencoded` bodies as Slack sends them (slash commands and the
/// `payload` field of interactions).
///
/// Rules, in order: split on `&` (empty pieces are skipped), split each piece on its first `=` (no `=`
/// means an empty value), turn `+` into a space, and only then percent-decode, so that an encoded plus
/// (`%2B`) stays a plus. A `%` not followed by two hexadecimal digits is kept literally, as the WHATWG URL
/// standard does. The decoded bytes of every name and value must be valid UTF-8, or the body is rejected.
public enum FormDecoder {
    /// Why a body could not be decoded.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The field at this position (0-based) decodes to bytes that are not UTF-8.
        case invalidUTF8(field: Int)

        /// A sentence for logs; contains no secret and no URL.

        public var description: String {
            switch self {
            case .invalidUTF8(let field): "form field \(field) is not valid UTF-8 after percent-decoding"
            }
        }
    }

    /// Decodes a whole body.
    public static func decode(_ body: [UInt8]) throws(Failure) -> FormFields {
        var pairs: [(name: String, value: String)] = []
        for piece in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = piece[piece.startIndex..<(equals ?? piece.endIndex)]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? []
            guard let name = decodeComponent(rawName), let value = decodeComponent(rawValue) else {
                throw .invalidUTF8(field: pairs.count)
            }
            pairs.append((name, value))
        }
        return FormFields(pairs)
    }

    /// One name or value: `+` to space, then `%XX` to a byte, then strict UTF-8; nil when not UTF-8.
    public static func decodeComponent(_ raw: ArraySlice<UInt8>) -> String? {
        // Most names and values (ids, the command name) have nothing to decode: validate them in place.
        if !raw.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) {
            return String(validating: raw, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), raw.endIndex - index > 2, let high = hexValue(raw[index + 1]),
                let low = hexValue(raw[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
