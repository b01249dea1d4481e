/// The fields of a decoded `application/x-www-form-urlencoded` body, in the order received.
///
/// When a name repeats, lookups return the first occurrence: Slack never repeats a field, so a second
/// copy can only come from someone tampering with a body, and the first one is what was signed in place.
public struct FormFields: Sendable, Equatable {
    /// Every name-value pair in body order, duplicates included.
    public let pairs: [(name: String, value: String)]

    /// Fields from name-value pairs in body order.
    public init(_ pairs: [(name: String, value: String)]) { self.pairs = pairs }

    /// The first value of `name`, or nil when the field is absent.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The distinct field names, in order of first appearance.
    public var names: [String] {
        var seen = Set<String>()
        return pairs.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Same pairs in the same order.
    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }
}
