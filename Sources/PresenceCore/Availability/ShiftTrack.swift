import Foundation

/// One schedule as the scheduler follows it: its shift now, and when that changes on the
/// monotonic clock the timers run on.
///
/// The wall-clock `changesAt` is the truth; the monotonic time is where a timer is armed for
/// it, recomputed at every boundary (and after a suspend or a clock step), so a drift between
/// the two clocks costs at most one early or late wake-up, never a wrong decision.
public struct ShiftTrack: Sendable {
    /// The schedule followed.
    public let schedule: WorkSchedule
    /// Its shift at the last evaluation.
    public private(set) var state: ShiftState
    /// When `state` changes, on the monotonic clock; `nil` when it never does.
    public private(set) var changesAtTime: MonotonicTime?

    /// Evaluates `schedule` at `now`, whose wall-clock date is `wallNow`.
    public init(_ schedule: WorkSchedule, at now: MonotonicTime, wallNow: Date) {
        self.schedule = schedule
        self.state = .alwaysOn
        self.changesAtTime = nil
        evaluate(at: now, wallNow: wallNow)
    }

    /// The schedule's name.
    public var name: String { schedule.name }

    /// Evaluates the schedule again; returns whether on/off changed.
    @discardableResult
    public mutating func evaluate(at now: MonotonicTime, wallNow: Date) -> Bool {
        let before = state.isOn
        state = schedule.shift(at: wallNow)
        changesAtTime = state.changesAt.map { now + .nanoseconds(Int64($0.timeIntervalSince(wallNow) * 1e9)) }
        return state.isOn != before
    }

    /// Whether the state is out of date at `now` (its change is due).
    public func isStale(at now: MonotonicTime) -> Bool {
        changesAtTime.map { now >= $0 } ?? false
    }

    /// Whether the wall clock passed the change (a suspend or a clock step the monotonic
    /// timer did not see).
    public func isStale(wallNow: Date) -> Bool {
        state.changesAt.map { wallNow >= $0 } ?? false
    }

    /// The end of the shift in progress on the monotonic clock, while on.
    public var endTime: MonotonicTime? {
        state.isOn ? changesAtTime : nil
    }
}
