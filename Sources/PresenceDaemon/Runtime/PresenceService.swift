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
    public func run() async throws {
        let reloads = ReloadSignal { [runtime] in runtime.reload() }
        runtime.start()
        reloads.enable()
        try? await gracefulShutdown()
        reloads.cancel()
        await runtime.shutdown()
    }
}
