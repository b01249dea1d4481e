import Foundation

/// Reads `a=1&b=two+words` the way URLSearchParams does: `+` is a space, percent escapes are
/// decoded, and a name given twice keeps its last value.
enum QueryString {
    static func parse(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var values: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            values[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return values
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
