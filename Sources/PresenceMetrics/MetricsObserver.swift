import PresenceCore

/// The scheduler's events that move counters: pings, lapses and bot probes.
public struct MetricsObserver: PresenceObserver {
    /// Where the counts go.
    public let metrics: PresenceMetrics

    /// Creates the observer.
    public init(metrics: PresenceMetrics) {
        self.metrics = metrics
    }

    public func agentChanged(_ record: AgentRecord, transition: AgentRecord.Transition, outcome: PingOutcome?) {
        if transition.to == .lapsed { metrics.recordLapse(account: record.spec.accountName) }
    }

    public func pingCompleted(_ record: AgentRecord, outcome: PingOutcome) {
        metrics.recordPing(account: record.spec.accountName, outcome: outcome)
    }

    public func botProbed(_ bot: String, outcome: ProbeOutcome) {
        metrics.recordProbe(bot: bot, outcome: outcome)
    }
}
