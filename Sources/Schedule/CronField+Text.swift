extension CronField {
    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// Reads one field of a cron expression: numbers, names, `*`, ranges, steps and lists.
    public init(parsing text: String, as kind: Kind) throws(CronError) {
        guard !text.isEmpty else { throw CronError("The \(kind.name) field is empty.") }
        var mask: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            mask |= try CronField.parseItem(Substring(item), kind: kind, field: text)
        }
        self.init(kind, mask: mask, starred: text.hasPrefix("*"))
    }

    private static func parseItem(_ item: Substring, kind: Kind, field: String) throws(CronError) -> UInt64 {
        guard !item.isEmpty else { throw CronError("The \(kind.name) field `\(field)` has an empty list item.") }
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let step = try parts.count == 2 ? parseStep(parts[1], kind: kind) : 1
        let base = parts[0]
        let low: Int
        let high: Int
        if base == "*" {
            (low, high) = (kind.lowerBound, kind == .dayOfWeek ? 6 : kind.upperBound)
        } else if let dash = base.firstIndex(of: "-") {
            low = try parseValue(base[..<dash], kind: kind)
            high = try parseValue(base[base.index(after: dash)...], kind: kind, isRangeEnd: true)
            guard low <= high else {
                throw CronError(
                    "The range `\(base)` in the \(kind.name) field runs backwards; write the smaller value first.")
            }
        } else {
            low = try parseValue(base, kind: kind)
            high = parts.count == 2 ? (kind == .dayOfWeek ? 6 : kind.upperBound) : low
        }
        var mask: UInt64 = 0
        for value in stride(from: low, through: high, by: step) {
            mask |= UInt64(1) << UInt64(kind == .dayOfWeek && value == 7 ? 0 : value)
        }
        return mask
    }

    private static func parseStep(_ text: Substring, kind: Kind) throws(CronError) -> Int {
        let span = kind.upperBound - kind.lowerBound
        guard let step = Int(text), !text.hasPrefix("+"), !text.hasPrefix("-") else {
            throw CronError("The step `/\(text)` in the \(kind.name) field is not a number.")
        }
        guard step >= 1, step <= span else {
            throw CronError("The step `/\(step)` in the \(kind.name) field must be between 1 and \(span).")
        }
        return step
    }

    private static func parseValue(_ text: Substring, kind: Kind, isRangeEnd: Bool = false) throws(CronError) -> Int {
        let lower = text.lowercased()
        if kind == .month, let index = monthNames.firstIndex(of: lower) { return index + 1 }
        if kind == .dayOfWeek, let index = dayNames.firstIndex(of: lower) { return index }
        guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text)
        else {
            throw CronError("`\(text)` is not a valid value in the \(kind.name) field.")
        }
        let upper = kind == .dayOfWeek ? 7 : kind.upperBound
        guard value >= kind.lowerBound, value <= upper else {
            throw CronError("`\(text)` is out of range for the \(kind.name) field (\(kind.lowerBound)-\(upper)).")
        }
        return value
    }

    /// The field in the form the tasks API accepts: numbers only, ascending, ranges for three or more
    /// consecutive values, `*` and `*/N` where the field was written that way.
    public var normalized: String {
        if starred {
            if isFull { return "*" }
            if let step = CronField.starStep(kind: kind, mask: mask) { return "*/\(step)" }
        }
        if isFull, kind != .dayOfMonth, kind != .dayOfWeek { return "*" }
        if mask.nonzeroBitCount == 1 { return String(mask.trailingZeroBitCount) }
        return CronField.listText(values)
    }

    /// True when this field prints the same as `other` in the normal form.
    func printsSame(as other: CronField) -> Bool {
        guard mask == other.mask else { return false }
        return starred == other.starred || (isFull && kind != .dayOfMonth && kind != .dayOfWeek)
    }

    /// `1,3,5` or `1-5` or `1,2,10-12`: runs of three or more become ranges.
    static func listText(_ values: [Int]) -> String {
        var text = ""
        var index = 0
        while index < values.count {
            var end = index
            while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
            if !text.isEmpty { text += "," }
            if end - index >= 2 {
                text += String(values[index]) + "-" + String(values[end])
            } else {
                text += String(values[index])
                if end > index { text += "," + String(values[end]) }
            }
            index = end + 1
        }
        return text
    }
}
