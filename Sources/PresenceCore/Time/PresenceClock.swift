import Foundation

/// The core's view of time: a monotonic clock for decisions and a wall clock for reports.
public protocol PresenceClock: Sendable {
    /// The current monotonic time.
    var now: MonotonicTime { get }

    /// The wall-clock date corresponding to a monotonic time, for the status file and logs.
    func wallDate(at time: MonotonicTime) -> Date
}
