import Dispatch
import Foundation
import PresenceCore

/// The daemon's clock: Dispatch's uptime clock (the one its timers use) for decisions, and the
/// system's wall clock for reports.
public struct DispatchClock: PresenceClock {
    /// Creates the clock.
    public init() {}

    /// Dispatch's uptime clock, the one its timers run on.
    public var now: MonotonicTime {
        MonotonicTime(nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds))
    }

    /// The wall-clock date of a monotonic time, relative to now.
    public func wallDate(at time: MonotonicTime) -> Date {
        Date().addingTimeInterval((time - now).seconds)
    }
}
