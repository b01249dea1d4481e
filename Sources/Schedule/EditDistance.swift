/// Damerau-Levenshtein (optimal string alignment) distance, for "did you mean" suggestions and for
/// reading misspelt day names ("wensday", "thrusday").
public enum EditDistance {
    /// The number of single-character insertions, deletions, substitutions and adjacent swaps that turn
    /// `a` into `b`. Stops early and returns `limit + 1` once the distance must exceed `limit`.
    public static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word` within `limit` edits, ties going to the earlier candidate.
    public static func nearest(to word: String, in candidates: [String], limit: Int) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = between(word, candidate, limit: limit)
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
