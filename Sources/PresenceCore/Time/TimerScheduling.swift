/// A one-shot timer armed through a ``TimerScheduling`` seam.
public protocol ArmedTimer: AnyObject, Sendable {
    /// Cancels the timer; called on the scheduler's context, its handler does not run afterwards.
    func cancel()
}

/// The timer seam and serial context of the scheduler: Dispatch in the daemon, virtual time in
/// tests.
///
/// Timer handlers and `execute` work items all run on one serial context, never concurrently,
/// which is what lets the scheduler keep its state without locks.
public protocol TimerScheduling: Sendable {
    /// Arms a one-shot timer firing at `deadline`, allowed to fire up to `leeway` late so the
    /// system can coalesce wake-ups.
    func arm(at deadline: MonotonicTime, leeway: Duration, _ handler: @escaping @Sendable () -> Void) -> any ArmedTimer

    /// Runs `work` on the serial context as soon as possible.
    func execute(_ work: @escaping @Sendable () -> Void)

    /// Runs `work` on the serial context within a few milliseconds, in one wake-up with other
    /// such work: for ping completions, which arrive by the thousand a second on a large
    /// roster and need no faster answer.
    func executeCoalesced(_ work: @escaping @Sendable () -> Void)
}

extension TimerScheduling {
    /// Runs `work` as soon as possible: contexts that do not coalesce need nothing else.
    public func executeCoalesced(_ work: @escaping @Sendable () -> Void) {
        execute(work)
    }
}
