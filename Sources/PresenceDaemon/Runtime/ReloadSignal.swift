import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Catches SIGHUP and runs reloads one at a time on their own queue.
///
/// A Dispatch signal source never runs its handler concurrently, and signals that arrive while
/// a reload runs merge into one pending event: a storm of SIGHUPs yields at most two reloads.
/// The source catches signals from its creation, but its queue stays suspended until
/// ``enable()``, so a SIGHUP during start-up is applied right after `READY=1`, not lost.
public final class ReloadSignal: @unchecked Sendable {
    private let source: any DispatchSourceSignal
    private let queue = DispatchQueue(label: "agent-presenced.reload")
    private let enabled = NSLock()
    private var isEnabled = false

    /// Ignores SIGHUP at once, so that an early signal cannot kill the process before the
    /// handler is armed. Call this first thing in `main`.
    public static func ignoreUntilArmed() {
        signal(SIGHUP, SIG_IGN)
    }

    /// Starts catching SIGHUP; `reload` runs once ``enable()`` was called.
    public init(reload: @escaping @Sendable () -> Void) {
        Self.ignoreUntilArmed()
        queue.suspend()
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler(handler: reload)
        source.activate()
    }

    /// Lets reloads run (call once the service is ready).
    public func enable() {
        enabled.lock()
        defer { enabled.unlock() }
        guard !isEnabled else { return }
        isEnabled = true
        queue.resume()
    }

    /// Stops handling SIGHUP (it stays ignored).
    public func cancel() {
        source.cancel()
        enable()
    }
}
