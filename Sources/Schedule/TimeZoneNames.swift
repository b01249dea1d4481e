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

    private static let identifiers: [String: String] = {
        var map: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers { map[identifier.lowercased()] = identifier }
        map["utc"] = "UTC"
        return map
    }()

    /// The IANA identifier for `name`, or nil when it names no zone this machine knows.
    public static func resolve(_ name: String) -> String? {
        let key = name.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: " ")
        guard !key.isEmpty, key.count <= 64 else { return nil }
        let candidate = aliases[key] ?? identifiers[key] ?? identifiers[key.replacingOccurrences(of: " ", with: "_")]
        guard let candidate, TimeZone(identifier: candidate) != nil else { return nil }
        return candidate
    }

    /// The longest number of words a zone name takes ("mexico city"): phrase readers try this many first.
    public static let longestName = 2
}
