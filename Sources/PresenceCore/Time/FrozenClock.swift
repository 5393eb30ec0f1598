import Foundation

/// A clock stopped at one instant: lets a report be built later, on another thread, with the
/// times it would have had when the snapshot was taken.
public struct FrozenClock: PresenceClock {
    /// The monotonic instant the clock is stopped at.
    public let now: MonotonicTime
    /// The wall-clock date of `now`.
    public let wallNow: Date

    /// Stops a clock at `now`, whose wall-clock date is `wallNow`.
    public init(now: MonotonicTime, wallNow: Date) {
        self.now = now
        self.wallNow = wallNow
    }

    /// The wall-clock date of `time`, relative to the frozen instant.
    public func wallDate(at time: MonotonicTime) -> Date {
        wallNow.addingTimeInterval((time - now).seconds)
    }
}
