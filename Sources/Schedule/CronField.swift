/// One of the five fields of a cron expression: the set of values it matches plus whether it was
/// written starting with `*` (which classic cron uses to decide whether a day field restricts).
public struct CronField: Sendable, Hashable {
    /// Which field this is, with its value range and names.
    public enum Kind: Int, Sendable, CaseIterable {
        case minute, hour, dayOfMonth, month, dayOfWeek

        /// The smallest value the field takes.
        public var lowerBound: Int {
            switch self {
            case .minute, .hour, .dayOfWeek: 0
            case .dayOfMonth, .month: 1
            }
        }

        /// The largest value the field takes (day of week 7 is read as 0 before this applies).
        public var upperBound: Int {
            switch self {
            case .minute: 59
            case .hour: 23
            case .dayOfMonth: 31
            case .month: 12
            case .dayOfWeek: 6
            }
        }

        /// The field's name as used in messages ("the hour field").
        public var name: String {
            switch self {
            case .minute: "minute"
            case .hour: "hour"
            case .dayOfMonth: "day-of-month"
            case .month: "month"
            case .dayOfWeek: "day-of-week"
            }
        }

        /// Every value of the field as a bit set.
        var fullMask: UInt64 {
            (UInt64.max >> UInt64(63 - upperBound)) & ~((UInt64(1) << UInt64(lowerBound)) - 1)
        }
    }

    /// Which field this is.
    public let kind: Kind
    /// Bit `n` is set when the field matches value `n`.
    public let mask: UInt64
    /// True when the field was written starting with `*` (`*` or `*/N`); classic cron treats such a
    /// day field as unrestricted when combining day of month with day of week.
    public let starred: Bool

    /// A field matching `values`; values outside the field's range are ignored.
    public init(_ kind: Kind, values: some Sequence<Int>, starred: Bool = false) {
        var mask: UInt64 = 0
        for value in values where value >= kind.lowerBound && value <= kind.upperBound {
            mask |= UInt64(1) << UInt64(value)
        }
        self.init(kind, mask: mask, starred: starred)
    }

    init(_ kind: Kind, mask: UInt64, starred: Bool) {
        self.kind = kind
        self.mask = mask & kind.fullMask
        // A star only means something when the set is exactly what `*` or `*/N` gives.
        self.starred = starred && CronField.starStep(kind: kind, mask: self.mask) != nil
    }

    /// The field `*`.
    public static func every(_ kind: Kind) -> CronField {
        CronField(kind, mask: kind.fullMask, starred: true)
    }

    /// The field `*/step`.
    public static func every(_ kind: Kind, step: Int) -> CronField {
        CronField(
            kind, values: stride(from: kind.lowerBound, through: kind.upperBound, by: max(step, 1)), starred: true)
    }

    /// The matched values, ascending.
    public var values: [Int] {
        var result: [Int] = []
        result.reserveCapacity(mask.nonzeroBitCount)
        var rest = mask
        while rest != 0 {
            result.append(rest.trailingZeroBitCount)
            rest &= rest - 1
        }
        return result
    }

    /// True when the field matches `value`.
    @inline(__always)
    public func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && mask & (UInt64(1) << UInt64(value)) != 0
    }

    /// True when the field matches every value of its range.
    public var isFull: Bool { mask == kind.fullMask }

    /// How many values the field matches.
    public var count: Int { mask.nonzeroBitCount }

    /// The first matched value at or after `value`, if any.
    func first(atOrAfter value: Int) -> Int? {
        guard value < 64 else { return nil }
        let rest = mask & ~((UInt64(1) << UInt64(max(value, 0))) - 1)
        return rest == 0 ? nil : rest.trailingZeroBitCount
    }

    /// The step N when `mask` is exactly what `*/N` gives (N = 1 for the full set).
    static func starStep(kind: Kind, mask: UInt64) -> Int? {
        let low = kind.lowerBound
        guard mask & (UInt64(1) << UInt64(low)) != 0 else { return nil }
        let rest = mask & ~(UInt64(1) << UInt64(low))
        guard rest != 0 else { return nil }
        let step = rest.trailingZeroBitCount - low
        var expected: UInt64 = 0
        var value = low
        while value <= kind.upperBound {
            expected |= UInt64(1) << UInt64(value)
            value += step
        }
        return expected == mask ? step : nil
    }

    static func maskOf(_ values: some Sequence<Int>) -> UInt64 {
        values.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1)) }
    }
}
