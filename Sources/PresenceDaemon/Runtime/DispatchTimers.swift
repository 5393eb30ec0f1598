import Dispatch
import PresenceCore

/// The scheduler's timers and serial context on Dispatch: one `DispatchSourceTimer` per armed
/// timer, all targeting one serial queue.
public final class DispatchTimers: TimerScheduling, Sendable {
    /// The serial queue every timer handler and `execute` work item runs on.
    public let queue: DispatchQueue

    /// Creates the timers on a new serial queue.
    public init(label: String = "agent-presenced.scheduler") {
        queue = DispatchQueue(label: label)
    }

    /// Arms a one-shot `DispatchSourceTimer` on the scheduler's queue.
    public func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer {
        let source = DispatchSource.makeTimerSource(queue: queue)
        let timer = DispatchArmedTimer(source: source)
        source.setEventHandler {
            source.cancel()
            handler()
        }
        source.schedule(
            deadline: DispatchTime(uptimeNanoseconds: UInt64(max(deadline.nanoseconds, 1))),
            repeating: .never,
            leeway: .nanoseconds(Int(leeway.nanoseconds))
        )
        source.activate()
        return timer
    }

    /// Runs `work` asynchronously on the scheduler's queue.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        queue.async(execute: work)
    }
}

/// A Dispatch timer source behind the ``ArmedTimer`` seam (Dispatch sources are thread-safe,
/// though not marked `Sendable`).
final class DispatchArmedTimer: ArmedTimer, @unchecked Sendable {
    private let source: any DispatchSourceTimer

    init(source: any DispatchSourceTimer) {
        self.source = source
    }

    func cancel() {
        source.cancel()
    }
}
