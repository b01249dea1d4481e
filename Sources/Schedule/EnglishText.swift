/// Small helpers for writing English lists, names and times in descriptions and messages.
enum EnglishText {
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// Values grouped into runs, each run of three or more written "first to last".
    static func runs(_ values: [Int], name: (Int) -> String) -> [String] {
        var parts: [String] = []
        var index = 0
        while index < values.count {
            var end = index
            while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
            if end - index >= 2 {
                parts.append("\(name(values[index])) to \(name(values[end]))")
            } else {
                parts.append(contentsOf: values[index...end].map(name))
            }
            index = end + 1
        }
        return parts
    }

    /// "09:05".
    static func clock(hour: Int, minute: Int) -> String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// "Sunday, 14 March 2027".
    static func date(_ date: CivilDate) -> String {
        let weekday = weekdayNames[date.weekday]
        return "\(weekday), \(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }
}
