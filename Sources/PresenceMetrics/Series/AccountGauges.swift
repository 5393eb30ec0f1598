import PresenceCore
import Prometheus

/// One account's gauges, set at each refresh and dropped with the account.
final class AccountGauges: Sendable {
    /// `agent_presenced_agents` by state, in `AgentState.allCases` order.
    let agents: [Gauge]
    let paused: Gauge
    let requestsLastHour: Gauge

    /// Makes the account's gauges in `registry`.
    init(account: String, registry: PrometheusCollectorRegistry) {
        agents = AgentState.allCases.map { state in
            registry.makeGauge(descriptor: MetricNames.agents.descriptor, labels: [("account", account), ("state", state.rawValue)])
        }
        paused = registry.makeGauge(descriptor: MetricNames.accountPaused.descriptor, labels: [("account", account)])
        requestsLastHour = registry.makeGauge(descriptor: MetricNames.requestsLastHour.descriptor, labels: [("account", account)])
    }

    /// Removes the gauges from `registry` (the account left the config).
    func unregister(from registry: PrometheusCollectorRegistry) {
        for gauge in agents + [paused, requestsLastHour] { registry.unregisterGauge(gauge) }
    }
}
