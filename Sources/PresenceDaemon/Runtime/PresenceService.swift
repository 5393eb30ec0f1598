import Logging
import ServiceLifecycle

/// The daemon as a swift-service-lifecycle service: runs until graceful shutdown (SIGTERM,
/// SIGINT), reloading on SIGHUP, then stops cleanly.
public struct PresenceService: Service {
    let runtime: PresenceRuntime

    /// Creates the service around a runtime.
    public init(runtime: PresenceRuntime) {
        self.runtime = runtime
    }

    /// Starts the runtime, reloads on SIGHUP, and stops cleanly on graceful shutdown.
    /// - Throws: ``RuntimeFailure`` after a clean stop when the runtime failed (``PresenceRuntime/fail(_:)``).
    public func run() async throws {
        let reloads = ReloadSignal { [runtime] in runtime.reload() }
        runtime.start()
        reloads.enable()
        let failure = await firstOfShutdownOrFailure()
        reloads.cancel()
        await runtime.shutdown()
        if let failure { throw RuntimeFailure(reason: failure) }
    }

    /// Waits for a graceful shutdown (`nil`) or the runtime's first failure (its reason).
    private func firstOfShutdownOrFailure() async -> String? {
        await withTaskGroup(of: String?.self) { group in
            group.addTask { try? await gracefulShutdown(); return nil }
            group.addTask { [runtime] in
                for await reason in runtime.failures.stream { return reason }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

/// The runtime stopped because it could not go on: another live daemon under its node name,
/// a configuration error that only showed at run time (exit 78, so systemd does not restart it).
public struct RuntimeFailure: Error, CustomStringConvertible {
    /// Why.
    public let reason: String
    public var description: String { reason }
}
