/// The real API's cron check, reproduced exactly, quirks included.
///
/// Five white-space-separated fields; each must be a number or `*`, optionally `/step`, optionally
/// `-end` (in that order, so the stepped range `9-17/2` is refused while `*/2-5` passes), then any
/// number of `,`-separated items made only of digits, `*`, `-` and `/`. Values are not range-checked.
enum CronDialect {
    /// The API's message for a refused cron.
    static let invalidMessage =
        "Invalid cron expression. Must be 5 space-separated fields: minute hour day-of-month month day-of-week "
        + "(e.g. '0 21 * * 0')"

    /// True when the API would accept `cron`.
    static func accepts(_ cron: String) -> Bool {
        let fields = cron.split(whereSeparator: \.isWhitespace)
        return fields.count == 5 && fields.allSatisfy { acceptsField(Array($0.utf8)) }
    }

    private static func acceptsField(_ field: [UInt8]) -> Bool {
        var index = 0
        // (\*|[0-9]+)
        if index < field.count, field[index] == UInt8(ascii: "*") {
            index += 1
        } else if !digits(field, &index) {
            return false
        }
        // (\/[0-9]+)?  then  (-[0-9]+)?
        for separator in [UInt8(ascii: "/"), UInt8(ascii: "-")] where index < field.count && field[index] == separator {
            var probe = index + 1
            if digits(field, &probe) { index = probe }
        }
        // (,[0-9*\-/]+)*
        while index < field.count {
            guard field[index] == UInt8(ascii: ","), index + 1 < field.count else { return false }
            index += 1
            let start = index
            while index < field.count, isItemCharacter(field[index]) { index += 1 }
            guard index > start else { return false }
        }
        return true
    }

    private static func digits(_ field: [UInt8], _ index: inout Int) -> Bool {
        let start = index
        while index < field.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(field[index]) { index += 1 }
        return index > start
    }

    private static func isItemCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }
}
