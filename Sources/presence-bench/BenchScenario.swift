/// One benchmark scenario: a roster size, a cadence, how long to run, and whether to reload.
struct BenchScenario: Sendable {
    /// The scenario's name (`--scenario`).
    var name: String
    /// Agents in the roster.
    var agents: Int
    /// `ping.interval`, seconds.
    var interval: Double
    /// `ping.jitter`, seconds.
    var jitter: Double
    /// `ping.presence_window`, seconds.
    var presenceWindow: Double
    /// `ping.timeout`, seconds.
    var timeout: Double
    /// `ping.max_in_flight`.
    var maxInFlight: Int
    /// How long the daemon runs after `READY=1`, seconds.
    var duration: Double
    /// For reload scenarios: when, after `READY=1`, the SIGHUP is sent (seconds).
    var reloadAt: Double?

    /// The daemon's own startup spread (`PingSchedule.startupWindow`): a few seconds, or 1 ms
    /// per agent, at most half an interval. CPU and rates are measured after it.
    var startupWindow: Double {
        min(max(3, Double(agents) / 1000), interval / 2)
    }

    /// When the steady-state measurement starts, seconds after `READY=1`: one interval (plus
    /// 2 s) in, so that every agent is on its grid cadence (an agent's second ping comes on its
    /// first grid tick, up to an interval after its startup ping) and the ping rate is the
    /// steady one.
    var warmUp: Double {
        min(interval + 2, duration / 2)
    }

    /// The scenarios by name, in the order they run.
    static func all(idleDuration: Double) -> [BenchScenario] {
        [
            BenchScenario(name: "idle", agents: 10, interval: 60, jitter: 2, presenceWindow: 120, timeout: 10,
                          maxInFlight: 16, duration: idleDuration, reloadAt: nil),
            BenchScenario(name: "scale-10k", agents: 10_000, interval: 6, jitter: 0.6, presenceWindow: 12, timeout: 3,
                          maxInFlight: 256, duration: 60, reloadAt: nil),
            BenchScenario(name: "reload-10k", agents: 10_000, interval: 6, jitter: 0.6, presenceWindow: 12, timeout: 3,
                          maxInFlight: 256, duration: 36, reloadAt: 18),
            BenchScenario(name: "scale-100k", agents: 100_000, interval: 60, jitter: 2, presenceWindow: 120, timeout: 10,
                          maxInFlight: 256, duration: 240, reloadAt: nil),
            BenchScenario(name: "smoke", agents: 300, interval: 1, jitter: 0.1, presenceWindow: 3, timeout: 1,
                          maxInFlight: 64, duration: 4, reloadAt: nil),
        ]
    }

    /// The names `--scenario` accepts.
    static let names = ["idle", "scale-10k", "reload-10k", "scale-100k", "smoke"]
}
