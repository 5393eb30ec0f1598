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

/// A list several threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    var items: [String] { lock.lock(); defer { lock.unlock() }; return values }
    func append(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
}
