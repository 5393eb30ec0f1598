import CoreMetrics
import Prometheus

extension PresenceMetrics {
    /// Points swift-metrics (`MetricsSystem`) at this registry, so any metric a library records
    /// through it is served with the daemon's own. Once per process. The daemon's series are
    /// made on the registry directly: swift-metrics' API carries no HELP text.
    public func bootstrapMetricsSystem() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }
}
