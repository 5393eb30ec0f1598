import Logging
import PresenceCore
import PresenceMetrics
import ServiceLifecycle

/// The metrics listener as a service: serves `GET /metrics` on `metrics.listen` until graceful
/// shutdown. A listener that cannot bind (a port in use) is an error in the log, not a reason
/// to stop pinging: the service then just waits for the shutdown.
public struct MetricsService: Service {
    let metrics: PresenceMetrics
    let address: ListenAddress
    let logger: Logger

    /// Creates the service for `metrics`, to listen on `address`.
    public init(metrics: PresenceMetrics, address: ListenAddress, logger: Logger) {
        self.metrics = metrics
        self.address = address
        self.logger = logger
    }

    /// Binds, serves until graceful shutdown, closes.
    public func run() async throws {
        var server: MetricsServer?
        do {
            server = try await MetricsServer.start(address: address) { [metrics] in metrics.render() }
            logger.info("metrics served on http://\(address)/metrics", metadata: ["metrics_listen": .string("\(address)")])
        } catch {
            logger.error("metrics.listen: cannot listen on \(address): \(error); pinging goes on without the metrics endpoint",
                         metadata: ["metrics_listen": .string("\(address)")])
        }
        try? await gracefulShutdown()
        await server?.close()
    }
}
