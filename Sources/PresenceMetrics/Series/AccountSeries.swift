import Prometheus

/// One account's counters and histogram, made once and kept for the process's life, so
/// counters survive reloads and a ping touches two prepared handles.
final class AccountSeries: Sendable {
    /// `agent_presenced_pings_total` by ``PingResult`` raw value.
    let pings: [Counter]
    let duration: DurationHistogram
    let lapses: Counter

    /// Makes the account's series in `registry`.
    init(account: String, registry: PrometheusCollectorRegistry) {
        pings = PingResult.allCases.map { result in
            registry.makeCounter(descriptor: MetricNames.pings.descriptor, labels: [("account", account), ("result", result.label)])
        }
        duration = registry.makeDurationHistogram(descriptor: MetricNames.pingDuration.descriptor, labels: [("account", account)], buckets: MetricNames.durationBuckets)
        lapses = registry.makeCounter(descriptor: MetricNames.lapses.descriptor, labels: [("account", account)])
    }
}
