import Dispatch
import Foundation
import NIOPosix
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The real event-loop heap timers: order, cancellation, leeway, work handed to the loop, `sync`.
@Suite struct EventLoopTimersTests {
    /// Fresh timers on a loop of their own, a record of what ran, and a signal for the last handler.
    struct Run {
        static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let timers = EventLoopTimers(on: Run.group.next())
        let fired = LockedList()
        let done = DispatchSemaphore(value: 0)
        let now = DispatchClock().now

        /// What ran, once the last handler signalled `done`; `nil` if it never did.
        func finished() -> [String]? {
            done.wait(timeout: .now() + 10) == .success ? fired.items : nil
        }

        /// `name`, marked when it ran off the loop.
        func onLoop(_ name: String) -> String {
            timers.eventLoop.inEventLoop ? name : name + " (off the loop)"
        }
    }

    @Test func timersFireInDeadlineOrderOnTheLoopAndCancelledOnesNever() {
        let run = Run()
        var cancelled: [any ArmedTimer] = []
        for (index, offset) in [40, 10, 30, 20, 50].enumerated() {
            let name = "t\(index)"
            let timer = run.timers.arm(at: run.now + .milliseconds(offset), leeway: .milliseconds(1)) {
                run.fired.append(run.onLoop(name))
                if name == "t4" { run.done.signal() }
            }
            if name == "t2" { cancelled.append(timer) }
        }
        cancelled.forEach { $0.cancel() }
        #expect(run.finished() == ["t1", "t3", "t0", "t4"])
    }

    @Test func aTimerArmedEarlierThanTheCurrentEarliestRearmsTheWakeUp() {
        let run = Run()
        _ = run.timers.arm(at: run.now + .seconds(3600), leeway: .zero) { run.fired.append("late") }
        _ = run.timers.arm(at: run.now + .milliseconds(5), leeway: .zero) { run.fired.append("soon"); run.done.signal() }
        #expect(run.finished() == ["soon"])
    }

    @Test func workHandedInRunsOnTheLoopInOrderAfterTheCurrentTask() {
        let run = Run()
        run.timers.sync {
            for index in 0..<3 {
                run.timers.execute { run.fired.append(run.onLoop("work\(index)")) }
                run.timers.executeCoalesced { run.fired.append(run.onLoop("coalesced\(index)")) }
            }
            // Queued from the loop itself: none of it runs inside this task.
            run.fired.append("sync")
            run.timers.execute { run.done.signal() }
        }
        #expect(run.finished() == ["sync", "work0", "coalesced0", "work1", "coalesced1", "work2", "coalesced2"])
    }

    @Test func syncRunsOnTheLoopAndReturnsItsValueAndRunsInlineFromTheLoop() {
        let run = Run()
        let outer = run.timers.sync { () -> String in
            // A nested sync on the loop would deadlock if it waited for the loop.
            let inner = run.timers.sync { run.onLoop("inner") }
            return run.onLoop("outer") + "+" + inner
        }
        #expect(outer == "outer+inner")
    }

    @Test func aTimerWaitsForItsLeewayToGatherLaterOnes() {
        let run = Run()
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
        let run = Run()
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
