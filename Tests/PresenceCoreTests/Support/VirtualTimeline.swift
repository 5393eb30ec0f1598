import Foundation
import PresenceCore

/// Virtual time for the scheduler: a clock, a timer queue and a serial context in one.
///
/// Nothing runs until the test advances time; then due timers fire in deadline order and the
/// clock reads each timer's deadline while it runs, so the scheduler sees a perfectly punctual
/// machine unless the test stalls it on purpose.
final class VirtualTimeline: TimerScheduling, PresenceClock, @unchecked Sendable {
    private(set) var now: MonotonicTime = MonotonicTime(nanoseconds: 1_000_000_000_000)
    private var heap = TimerHeap<VirtualTimer>()
    /// The wall-clock date of the monotonic zero: the timeline starts at `wallStart`.
    private var wallOrigin: Date

    /// A timeline whose clock reads `wallStart` on the wall at its start.
    init(wallStart: Date = Date(timeIntervalSince1970: 1_790_001_000)) {
        wallOrigin = wallStart.addingTimeInterval(-Double(MonotonicTime(nanoseconds: 1_000_000_000_000).nanoseconds) / 1e9)
    }

    final class VirtualTimer: ArmedTimer, @unchecked Sendable {
        var cancelled = false
        let handler: @Sendable () -> Void
        init(handler: @escaping @Sendable () -> Void) { self.handler = handler }
        func cancel() { cancelled = true }
    }

    func wallDate(at time: MonotonicTime) -> Date {
        wallOrigin.addingTimeInterval(Double(time.nanoseconds) / 1e9)
    }

    func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer {
        let timer = VirtualTimer(handler: handler)
        heap.push(timer, at: max(deadline, now))
        return timer
    }

    func execute(_ work: @escaping @Sendable () -> Void) {
        heap.push(VirtualTimer(handler: work), at: now)
    }

    /// Runs everything due up to `time`, in deadline order, then sets the clock to `time`.
    func advance(to time: MonotonicTime) {
        while let (deadline, timer) = heap.popDue(at: time) {
            now = max(now, deadline)
            if !timer.cancelled { timer.handler() }
        }
        now = max(now, time)
    }

    /// Runs everything due in the next `duration`.
    func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    /// Steps the wall clock by `offset` and leaves the monotonic clock alone, as an NTP step or
    /// an operator's `date -s` would.
    func stepWallClock(by offset: TimeInterval) {
        wallOrigin = wallOrigin.addingTimeInterval(offset)
    }

    /// Jumps the clock forward without running anything, as a suspended machine would.
    func stall(for duration: Duration) {
        now = now + duration
    }
}
