import Foundation
import PresenceCore

/// One timer in an ``EventLoopTimers`` heap, which holds it at its latest permitted time;
/// cancelling marks it, the heap drops it when due.
final class HeapTimer: ArmedTimer, @unchecked Sendable {
    let handler: @Sendable () -> Void
    /// The earliest time it may run.
    let deadline: MonotonicTime
    private let lock = NSLock()
    private var cancelled = false

    init(handler: @escaping @Sendable () -> Void, deadline: MonotonicTime) {
        self.handler = handler
        self.deadline = deadline
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
