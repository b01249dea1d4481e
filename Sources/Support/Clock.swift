import Foundation

/// The source of "now" for code whose behaviour depends on wall-clock time (signature windows,
/// expiry, next runs), so that tests can pin it.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The current instant.
    public func now() -> Date { read() }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock stopped at one instant.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
