import Prometheus

/// A series' full name and HELP text.
struct MetricName: Sendable {
    let name: String
    let help: String

    init(_ name: String, help: String) {
        self.name = name
        self.help = help
    }

    /// The name as swift-prometheus takes it (the unit is part of the name already).
    var descriptor: MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}

/// The series the daemon exports, with their HELP texts: one place, so the exporter, the
/// README and the tests agree.
enum MetricNames {
    static let agents = MetricName("agent_presenced_agents", help: "Agents by account and state, as the status file shows them.")
    static let pings = MetricName("agent_presenced_pings_total", help: "Pings sent to Brevo's agentOnlinePing, by account and result.")
    static let pingDuration = MetricName("agent_presenced_ping_duration_seconds", help: "Time from sending a ping to its answer, by account.")
    static let lapses = MetricName("agent_presenced_lapses_total", help: "Agents that went a whole presence window without a successful ping, by account.")
    static let accountPaused = MetricName("agent_presenced_account_paused", help: "1 while the account is paused (rate limited, or its key refused), else 0.")
    static let requestsLastHour = MetricName("agent_presenced_requests_last_hour", help: "Requests sent to Brevo in the last hour, by account (what its budget counts).")
    static let botUp = MetricName("agent_presenced_bot_up", help: "1 while the bot answers its probes, else 0.")
    static let botProbes = MetricName("agent_presenced_bot_probes_total", help: "Bot probes, by bot and result (ok, or the failure's kind).")
    static let clusterLeader = MetricName("agent_presenced_cluster_leader", help: "1 while this daemon may ping (it leads its cluster, or runs alone), else 0.")
    static let configGeneration = MetricName("agent_presenced_config_generation", help: "The generation of the config in force: 1 at start, one more per applied reload.")
    static let reloads = MetricName("agent_presenced_reloads_total", help: "Reloads, by result (applied or refused).")
    static let buildInfo = MetricName("agent_presenced_build_info", help: "Always 1; its version label is the running release.")

    /// The ping duration histogram's buckets: Brevo answers in tens of milliseconds; a ping
    /// times out after ping.timeout (10 s by default).
    static let durationBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
}
