import PresenceCore

/// One process's timers on a shared timeline that a test can pause, as SIGSTOP pauses a
/// process: time goes on, nothing of this process runs; on resume, what came due runs in order.
final class PausableTimers: TimerScheduling, @unchecked Sendable {
    let timeline: VirtualTimeline
    private(set) var isPaused = false
    private var deferred: [@Sendable () -> Void] = []

    init(timeline: VirtualTimeline) {
        self.timeline = timeline
    }

    func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer {
        timeline.arm(at: deadline, leeway: leeway) { [self] in run(handler) }
    }

    func execute(_ work: @escaping @Sendable () -> Void) {
        timeline.execute { [self] in run(work) }
    }

    func pause() { isPaused = true }

    /// Resumes the process: everything that came due while it was paused runs now, in order.
    func resume() {
        isPaused = false
        let due = deferred
        deferred = []
        for work in due { work() }
    }

    private func run(_ work: @escaping @Sendable () -> Void) {
        if isPaused { deferred.append(work) } else { work() }
    }
}
