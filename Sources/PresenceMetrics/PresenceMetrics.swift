import PresenceCore
import Prometheus

/// The daemon's Prometheus series (DESIGN "Metrics") in one registry, rendered in the text
/// format 0.0.4 for the listener and the textfile.
///
/// Per ping, ``recordPing(account:outcome:)`` finds the account's prepared series and bumps one
/// counter and one histogram: no label is built. Gauges are set by ``refresh(_:)`` from a
/// report the runtime makes every few seconds. Counters live as long as the process, so they
/// survive reloads. Confined to the scheduler's serial context (its observer calls and
/// refreshes); ``render()`` reads the thread-safe registry from any thread.
public final class PresenceMetrics: @unchecked Sendable {
    /// The registry holding every series.
    public let registry: PrometheusCollectorRegistry
    private var accounts: [String: AccountSeries] = [:]
    private var accountGauges: [String: AccountGauges] = [:]
    private var botUp: [String: Gauge] = [:]
    private var botProbes: [String: Counter] = [:]
    private let leader: Gauge
    private let generation: Gauge
    private let reloads: (applied: Counter, refused: Counter)

    /// Creates the series of a daemon of `version`.
    public init(version: String = ProductVersion.current, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        registry.makeGauge(descriptor: MetricNames.buildInfo.descriptor, labels: [("version", version)]).set(to: 1)
        leader = registry.makeGauge(descriptor: MetricNames.clusterLeader.descriptor)
        generation = registry.makeGauge(descriptor: MetricNames.configGeneration.descriptor)
        reloads = (
            registry.makeCounter(descriptor: MetricNames.reloads.descriptor, labels: [("result", "applied")]),
            registry.makeCounter(descriptor: MetricNames.reloads.descriptor, labels: [("result", "refused")])
        )
    }

    /// Counts one ping of `account` and its answer time.
    public func recordPing(account: String, outcome: PingOutcome) {
        let series = self.series(of: account)
        series.pings[PingResult(outcome).rawValue].increment()
        series.duration.record(outcome.latency)
    }

    /// Counts one agent of `account` lapsing.
    public func recordLapse(account: String) {
        series(of: account).lapses.increment()
    }

    /// Counts one probe of `bot`: `ok`, or the failure's kind.
    public func recordProbe(bot: String, outcome: ProbeOutcome) {
        let result = outcome.failure?.kind ?? "ok"
        let key = bot + "\u{0}" + result
        if let counter = botProbes[key] { return counter.increment() }
        let counter = registry.makeCounter(descriptor: MetricNames.botProbes.descriptor, labels: [("bot", bot), ("result", result)])
        botProbes[key] = counter
        counter.increment()
    }

    /// Counts a reload, applied or refused.
    public func recordReload(applied: Bool) {
        (applied ? reloads.applied : reloads.refused).increment()
    }

    /// Sets every gauge from `report`; drops the gauges of accounts and bots no longer in it.
    public func refresh(_ report: MetricsReport) {
        leader.set(to: report.mayPing ? 1 : 0)
        generation.set(Int64(report.generation))
        var seen = Set<String>()
        for account in report.accounts {
            seen.insert(account.name)
            _ = series(of: account.name)
            let gauges = accountGauges[account.name] ?? AccountGauges(account: account.name, registry: registry)
            accountGauges[account.name] = gauges
            for (index, state) in AgentState.allCases.enumerated() {
                gauges.agents[index].set(Int64(account.summary.counts[state] ?? 0))
            }
            gauges.paused.set(to: account.paused ? 1 : 0)
            gauges.requestsLastHour.set(Int64(account.requestsLastHour))
        }
        for (name, gauges) in accountGauges where !seen.contains(name) {
            gauges.unregister(from: registry)
            accountGauges[name] = nil
        }
        let bots = Set(report.bots.map(\.name))
        for bot in report.bots {
            let gauge = botUp[bot.name] ?? registry.makeGauge(descriptor: MetricNames.botUp.descriptor, labels: [("bot", bot.name)])
            botUp[bot.name] = gauge
            gauge.set(to: bot.up ? 1 : 0)
        }
        for (name, gauge) in botUp where !bots.contains(name) {
            registry.unregisterGauge(gauge)
            botUp[name] = nil
        }
    }

    /// Every series in Prometheus's text format 0.0.4.
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }

    private func series(of account: String) -> AccountSeries {
        if let series = accounts[account] { return series }
        let series = AccountSeries(account: account, registry: registry)
        accounts[account] = series
        return series
    }
}
