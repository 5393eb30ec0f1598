import PresenceCore
@testable import PresenceMetrics
import Testing

/// The series as rendered: names, HELP and TYPE lines, values after pings, refreshes and reloads.
@Suite struct PresenceMetricsTests {
    /// The rendered text.
    static func text(_ metrics: PresenceMetrics) -> String {
        String(decoding: metrics.render(), as: UTF8.self)
    }

    /// The value of the sample line `series` (name and labels, as rendered), if present.
    static func value(_ series: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    static func report(_ accounts: [(String, [AgentState: Int])], bots: [(String, Bool)] = [], mayPing: Bool = true, generation: Int = 1) -> MetricsReport {
        MetricsReport(
            accounts: accounts.map { MetricsReport.Account(name: $0.0, summary: RosterSummary(counts: $0.1), paused: false, requestsLastHour: 7) },
            bots: bots.map { MetricsReport.Bot(name: $0.0, up: $0.1) }, mayPing: mayPing, generation: generation
        )
    }

    @Test func everyDesignSeriesHasHelpAndType() {
        let metrics = PresenceMetrics(version: "9.9.9")
        metrics.recordPing(account: "eu", outcome: .success(latency: .milliseconds(30)))
        metrics.recordLapse(account: "eu")
        metrics.recordProbe(bot: "helpbot", outcome: .healthy(answerTexts: ["hi"]))
        metrics.refresh(Self.report([("eu", [.online: 2])], bots: [("helpbot", true)]))
        let text = Self.text(metrics)
        let types = [
            ("agent_presenced_agents", "gauge"), ("agent_presenced_pings_total", "counter"),
            ("agent_presenced_ping_duration_seconds", "histogram"), ("agent_presenced_lapses_total", "counter"),
            ("agent_presenced_account_paused", "gauge"), ("agent_presenced_requests_last_hour", "gauge"),
            ("agent_presenced_bot_up", "gauge"), ("agent_presenced_bot_probes_total", "counter"),
            ("agent_presenced_cluster_leader", "gauge"), ("agent_presenced_config_generation", "gauge"),
            ("agent_presenced_reloads_total", "counter"), ("agent_presenced_build_info", "gauge"),
        ]
        for (name, type) in types {
            #expect(text.contains("# HELP \(name) "), "\(name)")
            #expect(text.contains("# TYPE \(name) \(type)\n"), "\(name)")
        }
        #expect(Self.value(#"agent_presenced_build_info{version="9.9.9"}"#, in: text) == 1)
        // No per-agent label anywhere.
        #expect(!text.contains("agent=") && !text.contains("agent_id="))
    }

    @Test func pingsCountByResultAndTheirTimesFillTheHistogram() {
        let metrics = PresenceMetrics()
        for _ in 0..<3 { metrics.recordPing(account: "eu", outcome: .success(latency: .milliseconds(30))) }
        metrics.recordPing(account: "eu", outcome: .httpError(status: 429, latency: .milliseconds(20)))
        metrics.recordPing(account: "us", outcome: .transportError(.timeout, message: "t", latency: .seconds(3)))
        let text = Self.text(metrics)
        #expect(Self.value(#"agent_presenced_pings_total{account="eu",result="ok"}"#, in: text) == 3)
        #expect(Self.value(#"agent_presenced_pings_total{account="eu",result="rate_limited"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_pings_total{account="eu",result="http_5xx"}"#, in: text) == 0)
        #expect(Self.value(#"agent_presenced_pings_total{account="us",result="timeout"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_ping_duration_seconds_bucket{account="eu",le="0.025"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_ping_duration_seconds_bucket{account="eu",le="0.05"}"#, in: text) == 4)
        #expect(Self.value(#"agent_presenced_ping_duration_seconds_count{account="us"}"#, in: text) == 1)
    }

    @Test func refreshSetsTheGaugesAndDropsAccountsAndBotsThatLeftButKeepsCounters() {
        let metrics = PresenceMetrics()
        metrics.recordPing(account: "us", outcome: .success())
        metrics.refresh(Self.report([("eu", [.online: 2, .lapsed: 1]), ("us", [.paused: 4])], bots: [("helpbot", false)], mayPing: false, generation: 3))
        var text = Self.text(metrics)
        #expect(Self.value(#"agent_presenced_agents{account="eu",state="online"}"#, in: text) == 2)
        #expect(Self.value(#"agent_presenced_agents{account="eu",state="lapsed"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_agents{account="us",state="paused"}"#, in: text) == 4)
        #expect(Self.value(#"agent_presenced_requests_last_hour{account="eu"}"#, in: text) == 7)
        #expect(Self.value(#"agent_presenced_bot_up{bot="helpbot"}"#, in: text) == 0)
        #expect(Self.value("agent_presenced_cluster_leader", in: text) == 0)
        #expect(Self.value("agent_presenced_config_generation", in: text) == 3)
        // A reload removed us and the bot: their gauges go, us's counter stays.
        metrics.recordReload(applied: true)
        metrics.refresh(Self.report([("eu", [.online: 3])], generation: 4))
        text = Self.text(metrics)
        #expect(Self.value(#"agent_presenced_agents{account="us",state="paused"}"#, in: text) == nil)
        #expect(Self.value(#"agent_presenced_bot_up{bot="helpbot"}"#, in: text) == nil)
        #expect(Self.value(#"agent_presenced_pings_total{account="us",result="ok"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_reloads_total{result="applied"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_reloads_total{result="refused"}"#, in: text) == 0)
    }

    @Test func probesCountByTheFailuresKind() {
        let metrics = PresenceMetrics()
        metrics.recordProbe(bot: "helpbot", outcome: .healthy(answerTexts: ["hi"]))
        metrics.recordProbe(bot: "helpbot", outcome: .failed(.http(status: 462, message: nil), status: 462))
        metrics.recordProbe(bot: "helpbot", outcome: .failed(.http(status: 462, message: nil), status: 462))
        let text = Self.text(metrics)
        #expect(Self.value(#"agent_presenced_bot_probes_total{bot="helpbot",result="ok"}"#, in: text) == 1)
        #expect(Self.value(#"agent_presenced_bot_probes_total{bot="helpbot",result="http_462"}"#, in: text) == 2)
    }
}
