import Foundation
import Support

/// Decides which zone a user's times are shown in: the zone named in the command, else the zone they
/// saved with `/tasks timezone`, else their platform profile's zone (cached), else the configured default.
actor ZoneResolver {
    private let store: BotStore
    private let profileZone: (@Sendable (_ user: String) async -> String?)?
    private let defaultZone: TimeZone
    private let clock: WallClock
    private var profileCache: [String: (zone: String?, at: Date)] = [:]
    /// Profile zones are reused for this long.
    private let profileLifetime: TimeInterval = 6 * 3600

    init(
        store: BotStore, defaultZone: TimeZone, clock: WallClock,
        profileZone: (@Sendable (_ user: String) async -> String?)?
    ) {
        self.store = store
        self.defaultZone = defaultZone
        self.clock = clock
        self.profileZone = profileZone
    }

    func zone(workspace: String, user: String, named: String?) async -> TimeZone {
        if let named, let zone = TimeZone(identifier: named) { return zone }
        if let saved = try? store.zone(workspace: workspace, user: user), let zone = TimeZone(identifier: saved) {
            return zone
        }
        if let profileZone {
            let now = clock.now()
            let key = "\(workspace)/\(user)"
            if let cached = profileCache[key], now.timeIntervalSince(cached.at) < profileLifetime {
                if let name = cached.zone, let zone = TimeZone(identifier: name) { return zone }
            } else {
                let name = await profileZone(user)
                profileCache[key] = (name, now)
                if let name, let zone = TimeZone(identifier: name) { return zone }
            }
        }
        return defaultZone
    }
}
