import Dispatch
import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The real Dispatch-backed heap timers: order, cancellation and the serial queue.
@Suite struct HeapDispatchTimersTests {
    @Test func timersFireInDeadlineOrderOnTheQueueAndCancelledOnesNever() {
        let timers = HeapDispatchTimers(label: "test.heap-timers")
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now
        var cancelled: [any ArmedTimer] = []
        for (index, offset) in [40, 10, 30, 20, 50].enumerated() {
            let name = "t\(index)"
            let timer = timers.arm(at: now + .milliseconds(offset), leeway: .milliseconds(1)) {
                dispatchPrecondition(condition: .onQueue(timers.queue))
                fired.append(name)
                if name == "t4" { done.signal() }
            }
            if name == "t2" { cancelled.append(timer) }
        }
        cancelled.forEach { $0.cancel() }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(fired.items == ["t1", "t3", "t0", "t4"])
    }

    @Test func aTimerArmedEarlierThanTheCurrentEarliestRearmsTheSource() {
        let timers = HeapDispatchTimers(label: "test.heap-timers-rearm")
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now
        _ = timers.arm(at: now + .seconds(3600), leeway: .zero) { fired.append("late") }
        _ = timers.arm(at: now + .milliseconds(5), leeway: .zero) { fired.append("soon"); done.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(fired.items == ["soon"])
    }
}

extension HeapDispatchTimersTests {
    @Test func coalescedWorkRunsOnTheQueueInOrderAndBeforeTheTimersDueWithIt() {
        let timers = HeapDispatchTimers(label: "test.heap-timers-coalesced")
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now
        timers.queue.sync {
            // Armed and handed in while the queue is busy: all of it comes due in one wake-up.
            _ = timers.arm(at: now, leeway: .zero) { fired.append("timer") }
            for index in 0..<5 {
                timers.executeCoalesced {
                    dispatchPrecondition(condition: .onQueue(timers.queue))
                    fired.append("work\(index)")
                }
            }
            _ = timers.arm(at: now + .milliseconds(50), leeway: .zero) { fired.append("later"); done.signal() }
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(fired.items == ["work0", "work1", "work2", "work3", "work4", "timer", "later"])
    }

    @Test func aTimerWaitsForItsLeewayToGatherLaterOnes() {
        let timers = HeapDispatchTimers(label: "test.heap-timers-gather")
        let wakeUps = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now + .milliseconds(20)
        for offset in [0, 10, 20, 30] {
            _ = timers.arm(at: now + .milliseconds(offset), leeway: .milliseconds(40)) {
                wakeUps.append("\(offset)@\(DispatchClock().now >= now + .milliseconds(40))")
                if offset == 30 { done.signal() }
            }
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        // The first fires no earlier than its latest permitted time, 40 ms on, with all four due.
        #expect(wakeUps.items == ["0@true", "10@true", "20@true", "30@true"])
    }
}

extension HeapDispatchTimersTests {
    @Test func aLargeLeewayNeverHoldsBackATimerWithASmallOne() {
        let timers = HeapDispatchTimers(label: "test.heap-timers-leeways")
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now
        // Earlier deadline but a long leeway (like the once-a-second housekeeping), then a ping
        // that must go out by its own, shorter, latest time: it runs first.
        _ = timers.arm(at: now + .milliseconds(10), leeway: .seconds(5)) { fired.append("lenient"); done.signal() }
        _ = timers.arm(at: now + .milliseconds(20), leeway: .zero) { fired.append("strict") }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(fired.items == ["strict", "lenient"])
    }
}

/// A list several threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    var items: [String] { lock.lock(); defer { lock.unlock() }; return values }
    func append(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
}
