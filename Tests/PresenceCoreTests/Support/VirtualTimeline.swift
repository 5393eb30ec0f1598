import Foundation
import PresenceCore

/// Virtual time for the scheduler: a clock, a timer queue and a serial context in one.
///
/// Nothing runs until the test advances time; then due timers fire in deadline order and the
/// clock reads each timer's deadline while it runs, so the scheduler sees a perfectly punctual
/// machine unless the test stalls it on purpose.
final class VirtualTimeline: TimerScheduling, PresenceClock, @unchecked Sendable {
    private(set) var now: MonotonicTime = MonotonicTime(nanoseconds: 1_000_000_000_000)
    private var heap: [Event] = []
    private var sequence: UInt64 = 0

    private struct Event {
        var deadline: MonotonicTime
        var sequence: UInt64
        var timer: VirtualTimer
    }

    final class VirtualTimer: ArmedTimer, @unchecked Sendable {
        var cancelled = false
        let handler: @Sendable () -> Void
        init(handler: @escaping @Sendable () -> Void) { self.handler = handler }
        func cancel() { cancelled = true }
    }

    func wallDate(at time: MonotonicTime) -> Date {
        Date(timeIntervalSince1970: 1_790_000_000 + Double(time.nanoseconds) / 1e9)
    }

    func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer {
        let timer = VirtualTimer(handler: handler)
        push(Event(deadline: max(deadline, now), sequence: nextSequence(), timer: timer))
        return timer
    }

    func execute(_ work: @escaping @Sendable () -> Void) {
        push(Event(deadline: now, sequence: nextSequence(), timer: VirtualTimer(handler: work)))
    }

    /// Runs everything due up to `time`, then sets the clock to `time`.
    func advance(to time: MonotonicTime) {
        while let first = heap.first, first.deadline <= time {
            let event = pop()
            now = max(now, event.deadline)
            if !event.timer.cancelled { event.timer.handler() }
        }
        now = max(now, time)
    }

    /// Runs everything due in the next `duration`.
    func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    /// Jumps the clock forward without running anything, as a suspended machine would.
    func stall(for duration: Duration) {
        now = now + duration
    }

    private func nextSequence() -> UInt64 {
        sequence += 1
        return sequence
    }

    private func less(_ a: Event, _ b: Event) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence
    }

    private func push(_ event: Event) {
        heap.append(event)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Event {
        heap.swapAt(0, heap.count - 1)
        let event = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return event
    }
}
