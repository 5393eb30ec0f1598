import Dispatch
import NIOCore
import PresenceCore
import Synchronization

/// The scheduler's timers and serial context on a SwiftNIO event loop: the loop the Brevo
/// client's connections run on, so that a timer's ping, its answer and the scheduler's
/// bookkeeping of that answer never change threads.
///
/// Thread hops, not timers, were the largest cost left once the timers shared one wake-up
/// (see README, Performance): with the scheduler on its own Dispatch queue, each ping crossed
/// from that queue to the event loop (an `eventfd` write and a wake-up) and each answer back.
/// On the loop a ping goes out inline from its timer, and its completion is a task queued on
/// the same loop.
///
/// Like the Dispatch timer source before it, one callback is armed over a heap ordered by each
/// entry's *latest* permitted time (deadline plus leeway); each wake-up runs, in that order,
/// every entry whose deadline has come. No entry runs before its deadline or after its latest
/// time (give or take the loop's own latency).
public final class EventLoopTimers: TimerScheduling, Sendable {
    private struct State {
        var heap = TimerHeap<HeapTimer>()
        /// The armed wake-up and the time it is for.
        var armed: (at: MonotonicTime, callback: NIOScheduledCallback)?
    }

    /// The loop every timer handler and `execute` work item runs on.
    public let eventLoop: any EventLoop
    private let state = Mutex(State())

    /// Creates timers on `eventLoop`.
    public init(on eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Adds a deadline to the heap, re-arming the wake-up when it now has to come earlier.
    public func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer {
        let timer = HeapTimer(handler: handler, deadline: deadline)
        state.withLock { state in
            state.heap.push(timer, at: deadline + leeway)
            wakeNoLaterThan(deadline + leeway, in: &state)
        }
        return timer
    }

    /// Queues `work` on the loop; from the loop itself it runs after the current task, never
    /// inside it.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        eventLoop.execute(work)
    }

    /// The same as ``execute(_:)``: completions already arrive on the loop, so there is no
    /// wake-up left to save by holding them back.
    public func executeCoalesced(_ work: @escaping @Sendable () -> Void) {
        eventLoop.execute(work)
    }

    /// Runs `body` on the loop and returns its result, waiting for it; on the loop itself it
    /// runs at once. For the daemon's threads outside the loop (start, reload, shutdown, the
    /// control API), the way `DispatchQueue.sync` served them.
    public func sync<Value>(_ body: () -> Value) -> Value {
        if eventLoop.inEventLoop { return body() }
        return withoutActuallyEscaping(body) { body in
            let call = SyncCall(body)
            eventLoop.execute { call.run() }
            return call.result()
        }
    }

    /// Runs every entry due, then arms the wake-up for the next one.
    fileprivate func fireDue() {
        let now = DispatchClock().now
        let due = state.withLock { state in
            // An earlier wake-up armed from another thread meanwhile stays armed.
            if let armed = state.armed, armed.at <= now { state.armed = nil }
            var due: [HeapTimer] = []
            while let next = state.heap.earliest, next.payload.deadline <= now, let entry = state.heap.popDue(at: next.deadline) {
                due.append(entry.payload)
            }
            return due
        }
        for timer in due where !timer.isCancelled { timer.handler() }
        state.withLock { state in
            if let next = state.heap.earliest { wakeNoLaterThan(next.deadline, in: &state) }
        }
    }

    /// Arms the wake-up for `time` unless it already comes by then; called under the lock.
    private func wakeNoLaterThan(_ time: MonotonicTime, in state: inout State) {
        if let armed = state.armed {
            if armed.at <= time { return }
            armed.callback.cancel()
        }
        let deadline = NIODeadline.uptimeNanoseconds(UInt64(max(time.nanoseconds, 1)))
        // Throws only once the loop is shut down, when no timer is to run any more.
        state.armed = (try? eventLoop.scheduleCallback(at: deadline, handler: Wake(timers: self))).map { (time, $0) }
    }
}

/// The loop's callback into ``EventLoopTimers/fireDue()``.
private struct Wake: NIOScheduledCallbackHandler, Sendable {
    let timers: EventLoopTimers

    func handleScheduledCallback(eventLoop: some EventLoop) {
        timers.fireDue()
    }
}

/// One ``EventLoopTimers/sync(_:)`` call: the body, run on the loop, and its result, handed
/// back to the waiting thread.
///
/// The body is dropped on the loop before the waiting thread is woken: it is a non-escaping
/// closure made escapable for the call, and must not outlive it.
private final class SyncCall<Value>: @unchecked Sendable {
    private var body: (() -> Value)?
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Value) {
        self.body = body
    }

    /// On the loop.
    func run() {
        value = body?()
        body = nil
        done.signal()
    }

    /// On the waiting thread: the semaphore orders the loop's writes before these reads.
    func result() -> Value {
        done.wait()
        return value!
    }
}
