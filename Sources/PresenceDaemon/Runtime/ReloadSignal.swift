import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGHUP and runs reloads one at a time on their own queue.
///
/// A Dispatch signal source never runs its handler concurrently, and signals that arrive while
/// a reload runs merge into one pending event: a storm of SIGHUPs yields at most two reloads.
public final class ReloadSignal: @unchecked Sendable {
    private let source: any DispatchSourceSignal

    /// Ignores SIGHUP at once, so that an early signal cannot kill the process before the
    /// handler is armed. Call this first thing in `main`.
    public static func ignoreUntilArmed() {
        signal(SIGHUP, SIG_IGN)
    }

    /// Starts handling SIGHUP with `reload`.
    public init(reload: @escaping @Sendable () -> Void) {
        Self.ignoreUntilArmed()
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "agent-presenced.reload"))
        source.setEventHandler(handler: reload)
        source.activate()
    }

    /// Stops handling SIGHUP (it stays ignored).
    public func cancel() {
        source.cancel()
    }
}
