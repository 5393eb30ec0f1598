import PresenceCore
import Synchronization

/// One timer in an ``EventLoopTimers`` heap, which holds it at its latest permitted time;
/// cancelling marks it, the heap drops it when due.
///
/// One is made for every ping, so its flag is an atomic in the object itself: the lock it had
/// was a second allocation and a mutex set up and torn down per ping.
final class HeapTimer: ArmedTimer, Sendable {
    let handler: @Sendable () -> Void
    /// The earliest time it may run.
    let deadline: MonotonicTime
    private let cancelled = Atomic<Bool>(false)

    init(handler: @escaping @Sendable () -> Void, deadline: MonotonicTime) {
        self.handler = handler
        self.deadline = deadline
    }

    /// Whether ``cancel()`` was called, from any thread.
    var isCancelled: Bool {
        cancelled.load(ordering: .acquiring)
    }

    /// Marks the timer so that it does not run; from any thread.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
    }
}
