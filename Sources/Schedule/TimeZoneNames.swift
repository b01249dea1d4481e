import Foundation

/// Resolves what people type for a time zone (an IANA name in any case, a common abbreviation, a
/// city) to an IANA identifier. Abbreviations map to a region's zone so daylight saving is kept:
/// `PST` is Pacific civil time (`America/Los_Angeles`), not a fixed UTC-8.
public enum TimeZoneNames {
    private static let aliases: [String: String] = [
        "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
        "pacific": "America/Los_Angeles", "mt": "America/Denver", "mst": "America/Denver",
        "mdt": "America/Denver", "mountain": "America/Denver", "ct": "America/Chicago",
        "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
        "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
        "eastern": "America/New_York", "akst": "America/Anchorage", "akdt": "America/Anchorage",
        "hst": "Pacific/Honolulu", "cet": "Europe/Berlin", "cest": "Europe/Berlin", "bst": "Europe/London",
        "gmt": "Europe/London", "wet": "Europe/Lisbon", "west": "Europe/Lisbon", "eet": "Europe/Athens",
        "eest": "Europe/Athens", "msk": "Europe/Moscow", "ist": "Asia/Kolkata", "jst": "Asia/Tokyo",
        "kst": "Asia/Seoul", "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "aest": "Australia/Sydney",
        "aedt": "Australia/Sydney", "acst": "Australia/Adelaide", "acdt": "Australia/Adelaide",
        "awst": "Australia/Perth", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "utc": "UTC",
        "z": "UTC", "zulu": "UTC", "brt": "America/Sao_Paulo",
        "london": "Europe/London", "berlin": "Europe/Berlin", "paris": "Europe/Paris",
        "madrid": "Europe/Madrid", "rome": "Europe/Rome", "amsterdam": "Europe/Amsterdam",
        "stockholm": "Europe/Stockholm", "dublin": "Europe/Dublin", "lisbon": "Europe/Lisbon",
        "moscow": "Europe/Moscow", "new york": "America/New_York", "nyc": "America/New_York",
        "ny": "America/New_York", "los angeles": "America/Los_Angeles", "la": "America/Los_Angeles",
        "san francisco": "America/Los_Angeles", "sf": "America/Los_Angeles", "seattle": "America/Los_Angeles",
        "chicago": "America/Chicago", "denver": "America/Denver", "toronto": "America/Toronto",
        "vancouver": "America/Vancouver", "mexico city": "America/Mexico_City", "sao paulo": "America/Sao_Paulo",
        "tokyo": "Asia/Tokyo", "seoul": "Asia/Seoul", "singapore": "Asia/Singapore",
        "hong kong": "Asia/Hong_Kong", "shanghai": "Asia/Shanghai", "beijing": "Asia/Shanghai",
        "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "dubai": "Asia/Dubai", "sydney": "Australia/Sydney",
        "melbourne": "Australia/Melbourne", "auckland": "Pacific/Auckland", "lagos": "Africa/Lagos",
        "nairobi": "Africa/Nairobi", "johannesburg": "Africa/Johannesburg", "nashville": "America/Chicago",
        "atlanta": "America/New_York", "miami": "America/New_York",
    ]

    /// The aliases whose zone this machine has, checked once.
    private static let knownAliases: [String: String] = aliases.filter { TimeZone(identifier: $0.value) != nil }

    /// Aliases and lower-cased identifiers in one table, aliases first ("gmt" is London civil time).
    private static let allNames: [String: String] = identifiers.merging(knownAliases) { _, alias in alias }

    /// First words of the names that take two words ("new york"), so readers try pairs only there.
    static let pairStarts: [String] = Set(
        aliases.keys.compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { first in aliases.keys.contains { $0.hasPrefix(first + " ") } }
    ).sorted()

    private static let identifiers: [String: String] = {
        var map: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers where TimeZone(identifier: identifier) != nil {
            map[identifier.lowercased()] = identifier
        }
        map["utc"] = "UTC"
        return map
    }()

    /// The IANA identifier for `name`, or nil when it names no zone this machine knows.
    public static func resolve(_ name: String) -> String? {
        let key = name.trimmingWhitespace().lowercased()
        guard !key.isEmpty, key.utf8.count <= 64 else { return nil }
        return resolve(lowercased: key)
    }

    /// `resolve` for a name already trimmed and lower-cased: dictionary lookups only.
    static func resolve(lowercased key: String) -> String? {
        if let zone = allNames[key] { return zone }
        guard key.utf8.contains(32) else { return nil }
        return identifiers[String(key.map { $0 == " " ? "_" : $0 })]
    }

    /// The longest number of words a zone name takes ("mexico city"): phrase readers try this many first.
    public static let longestName = 2
}
