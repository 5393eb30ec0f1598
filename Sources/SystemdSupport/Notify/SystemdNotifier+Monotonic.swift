extension SystemdNotifier {
    /// Sends `RELOADING=1` stamped with the current CLOCK_MONOTONIC time, as
    /// `Type=notify-reload` requires (and `Type=notify` tolerates).
    @discardableResult
    public func reloading() -> NotifyOutcome {
        reloading(monotonicMicroseconds: MonotonicClock.nowMicroseconds())
    }
}
