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
    /// For many-account scenarios: the `accounts:` layout; `nil` is the one-account form.
    var accounts: AccountLayout? = nil
    /// Whether the daemon serves and writes its Prometheus metrics (scale-10k-metrics).
    var metrics = false
    /// Whether the stand-in speaks HTTPS, as Brevo does, with a throwaway CA the config trusts
    /// through `ca_file` (the `-tls` scenarios).
    var tls = false

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
            // scale-10k with the metrics endpoint and textfile on: the per-ping cost of the counters.
            BenchScenario(name: "scale-10k-metrics", agents: 10_000, interval: 6, jitter: 0.6, presenceWindow: 12, timeout: 3,
                          maxInFlight: 256, duration: 60, reloadAt: nil, metrics: true),
            // scale-10k over HTTPS: the cost of TLS per ping, next to scale-10k.
            BenchScenario(name: "scale-10k-tls", agents: 10_000, interval: 6, jitter: 0.6, presenceWindow: 12, timeout: 3,
                          maxInFlight: 256, duration: 60, reloadAt: nil, tls: true),
            BenchScenario(name: "reload-10k", agents: 10_000, interval: 6, jitter: 0.6, presenceWindow: 12, timeout: 3,
                          maxInFlight: 256, duration: 36, reloadAt: 18),
            BenchScenario(name: "scale-100k", agents: 100_000, interval: 60, jitter: 2, presenceWindow: 120, timeout: 10,
                          maxInFlight: 256, duration: 240, reloadAt: nil),
            BenchScenario(name: "scale-100k-tls", agents: 100_000, interval: 60, jitter: 2, presenceWindow: 120, timeout: 10,
                          maxInFlight: 256, duration: 240, reloadAt: nil, tls: true),
            // scale-100k's roster and cadence over 2,000 accounts, 100 of them rate-limited from
            // before READY=1 until the middle of the measured window.
            BenchScenario(name: "many-accounts", agents: 100_000, interval: 60, jitter: 2, presenceWindow: 120, timeout: 10,
                          maxInFlight: 256, duration: 240, reloadAt: nil,
                          accounts: AccountLayout(count: 2000, limited: 100, limitSpell: 150)),
            BenchScenario(name: "smoke", agents: 300, interval: 1, jitter: 0.1, presenceWindow: 3, timeout: 1,
                          maxInFlight: 64, duration: 4, reloadAt: nil),
            BenchScenario(name: "smoke-accounts", agents: 300, interval: 1, jitter: 0.1, presenceWindow: 3, timeout: 1,
                          maxInFlight: 64, duration: 4, reloadAt: nil,
                          accounts: AccountLayout(count: 3, limited: 1, limitSpell: 3)),
            BenchScenario(name: "smoke-tls", agents: 300, interval: 1, jitter: 0.1, presenceWindow: 3, timeout: 1,
                          maxInFlight: 64, duration: 4, reloadAt: nil, tls: true),
        ]
    }

    /// The names `--scenario` accepts, in the order they run.
    static let names = all(idleDuration: 0).map(\.name)

    /// What runs without `--scenario`: all but the smoke scenarios.
    static let defaultNames = names.filter { !$0.hasPrefix("smoke") }

    /// Whether roster entry `index` is of an account the stand-in serves normally, so that it is
    /// expected to stay online: every agent in the one-account form.
    func isUnaffected(agent index: Int) -> Bool {
        !(accounts?.isLimited(agent: index, agents: agents) ?? false)
    }

    /// The name of the account of roster entry `index`; `nil` in the one-account form.
    func accountName(ofAgent index: Int) -> String? {
        accounts.map { AccountLayout.name($0.account(ofAgent: index, agents: agents)) }
    }
}
