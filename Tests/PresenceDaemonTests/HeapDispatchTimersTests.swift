import Dispatch
import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The real Dispatch-backed heap timers: order, cancellation, leeway, coalescing, the queue.
@Suite struct HeapDispatchTimersTests {
    /// Fresh timers, a record of what ran, and a signal for the last handler.
    struct Run {
        let timers: HeapDispatchTimers
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now

        init(_ label: String) {
            timers = HeapDispatchTimers(label: "test.heap-timers-" + label)
        }

        /// What ran, once the last handler signalled `done`; `nil` if it never did.
        func finished() -> [String]? {
            done.wait(timeout: .now() + 10) == .success ? fired.items : nil
        }
    }

    @Test func timersFireInDeadlineOrderOnTheQueueAndCancelledOnesNever() {
        let run = Run("order")
        var cancelled: [any ArmedTimer] = []
        for (index, offset) in [40, 10, 30, 20, 50].enumerated() {
            let name = "t\(index)"
            let timer = run.timers.arm(at: run.now + .milliseconds(offset), leeway: .milliseconds(1)) {
                dispatchPrecondition(condition: .onQueue(run.timers.queue))
                run.fired.append(name)
                if name == "t4" { run.done.signal() }
            }
            if name == "t2" { cancelled.append(timer) }
        }
        cancelled.forEach { $0.cancel() }
        #expect(run.finished() == ["t1", "t3", "t0", "t4"])
    }

    @Test func aTimerArmedEarlierThanTheCurrentEarliestRearmsTheSource() {
        let run = Run("rearm")
        _ = run.timers.arm(at: run.now + .seconds(3600), leeway: .zero) { run.fired.append("late") }
        _ = run.timers.arm(at: run.now + .milliseconds(5), leeway: .zero) { run.fired.append("soon"); run.done.signal() }
        #expect(run.finished() == ["soon"])
    }

    @Test func coalescedWorkRunsOnTheQueueInOrderAndBeforeTheTimersDueWithIt() {
        let run = Run("coalesced")
        run.timers.queue.sync {
            // Armed and handed in while the queue is busy: all of it comes due in one wake-up.
            _ = run.timers.arm(at: run.now, leeway: .zero) { run.fired.append("timer") }
            for index in 0..<5 {
                run.timers.executeCoalesced {
                    dispatchPrecondition(condition: .onQueue(run.timers.queue))
                    run.fired.append("work\(index)")
                }
            }
            _ = run.timers.arm(at: run.now + .milliseconds(50), leeway: .zero) { run.fired.append("later"); run.done.signal() }
        }
        #expect(run.finished() == ["work0", "work1", "work2", "work3", "work4", "timer", "later"])
    }

    @Test func aTimerWaitsForItsLeewayToGatherLaterOnes() {
        let run = Run("gather")
        let start = run.now + .milliseconds(20)
        for offset in [0, 10, 20, 30] {
            _ = run.timers.arm(at: start + .milliseconds(offset), leeway: .milliseconds(40)) {
                run.fired.append("\(offset)@\(DispatchClock().now >= start + .milliseconds(40))")
                if offset == 30 { run.done.signal() }
            }
        }
        // The first fires no earlier than its latest permitted time, 40 ms on, with all four due.
        #expect(run.finished() == ["0@true", "10@true", "20@true", "30@true"])
    }

    @Test func aLargeLeewayNeverHoldsBackATimerWithASmallOne() {
        let run = Run("leeways")
        // Earlier deadline but a long leeway (like the once-a-second housekeeping), then a ping
        // that must go out by its own, shorter, latest time: it runs first.
        _ = run.timers.arm(at: run.now + .milliseconds(10), leeway: .seconds(5)) { run.fired.append("lenient"); run.done.signal() }
        _ = run.timers.arm(at: run.now + .milliseconds(20), leeway: .zero) { run.fired.append("strict") }
        #expect(run.finished() == ["strict", "lenient"])
    }
}

/// A list several threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    var items: [String] { lock.lock(); defer { lock.unlock() }; return values }
    func append(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
}
