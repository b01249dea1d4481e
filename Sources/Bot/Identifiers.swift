import Foundation

/// Random identifiers for pending changes and the short codes people can type.
enum Identifiers {
    /// 128 random bits as 26 lower-case base-32 characters: the opaque value of a Confirm button.
    static func changeID() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return String((0..<26).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// Four characters without look-alikes (no 0/O, 1/I/L) for `/tasks confirm K7Q2`.
    static func confirmationCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        return String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
