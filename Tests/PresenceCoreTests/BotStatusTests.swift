import Foundation
import Testing
@testable import PresenceCore

/// The status file's `bots` object and each agent's `bot`: the contract's keys with explicit
/// `null`s, monotonic times turned into wall-clock ones.
@Suite struct BotStatusTests {
    static let clock = FrozenClock(now: .zero + .seconds(10_000), wallNow: Date(timeIntervalSince1970: 1_795_000_000))
    static let config = StatusDocument.ConfigStatus(path: "/c.yaml", generation: 1, loadedAt: "t", lastReloadError: nil)

    /// `name` after `outcomes`, the last one a second before the clock's now, one a minute.
    static func report(_ name: String, after outcomes: [ProbeOutcome]) -> BotReport {
        let first = clock.now - .seconds(1 + 60 * Int64(outcomes.count))
        var health = BotHealth(since: first)
        for (index, outcome) in outcomes.enumerated() {
            health.record(outcome, at: first + .seconds(60 * Int64(index + 1)), downAfter: 2, upAfter: 1)
        }
        return BotReport(name: name, health: health)
    }

    static func json(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test func aBotEntryHasEveryContractKeyWithExplicitNulls() throws {
        let entry = BotStatus(state: "unknown", since: "2026-11-18T11:06:40.000Z", lastProbeAt: nil, lastOKAt: nil,
                              consecutiveFailures: 0, lastError: nil, latencyMS: nil, probesOK: 0, probesFailed: 0)
        let json = try Self.json(entry)
        #expect(Set(json.keys) == [
            "state", "since", "last_probe_at", "last_ok_at", "consecutive_failures", "last_error", "latency_ms",
            "probes_ok", "probes_failed",
        ])
        for key in ["last_probe_at", "last_ok_at", "last_error", "latency_ms"] { #expect(json[key] is NSNull, "\(key)") }
        #expect(json["state"] as? String == "unknown" && json["probes_ok"] as? Int == 0)
        #expect(try JSONDecoder().decode(BotStatus.self, from: JSONEncoder().encode(entry)) == entry)
    }

    @Test func theSnapshotTurnsEachBotsHealthIntoWallClockEntriesByName() throws {
        let healthy = ProbeOutcome.healthy(answerTexts: ["Hello!"], latency: .milliseconds(143))
        let nlpDown = ProbeOutcome.failed(.http(status: 462, message: nil), status: 462, latency: .milliseconds(80))
        let timeout = ProbeOutcome.failed(.transport(.timeout, message: "no answer within 10 s"), latency: .seconds(10))
        let snapshot = StatusSnapshot(
            records: [], bots: [Self.report("helpbot", after: [healthy, nlpDown, timeout]), Self.report("faq", after: [])],
            window: .seconds(120), clock: Self.clock, pid: 7, config: Self.config
        )
        #expect(snapshot.botEntries.map(\.name) == ["faq", "helpbot"])
        let faq = snapshot.botEntries[0].status
        #expect(faq == BotStatus(state: "unknown", since: "2026-11-18T11:06:39.000Z", lastProbeAt: nil, lastOKAt: nil,
                                 consecutiveFailures: 0, lastError: nil, latencyMS: nil, probesOK: 0, probesFailed: 0))
        let helpbot = snapshot.botEntries[1].status
        // Probes 121 s (good), 61 s and 1 s (failed: down at the second) before now (11:06:40);
        // the timeout brought no answer, so the latency is the 462's.
        #expect(helpbot == BotStatus(
            state: "down", since: "2026-11-18T11:06:39.000Z", lastProbeAt: "2026-11-18T11:06:39.000Z",
            lastOKAt: "2026-11-18T11:04:39.000Z", consecutiveFailures: 2, lastError: "timeout: no answer within 10 s",
            latencyMS: 80, probesOK: 1, probesFailed: 2
        ))
        #expect(snapshot.document.bots == ["faq": faq, "helpbot": helpbot])
    }

    @Test func anAgentEntryNamesItsBotAndADocumentWithoutBotsHasAnEmptyObject() throws {
        let records = [
            AgentRecord(spec: AgentSpec(identity: .id("b1"), bot: "helpbot"), phase: .zero),
            AgentRecord(spec: AgentSpec(identity: .id("p1")), phase: .zero),
        ]
        let document = StatusSnapshot(records: records, window: .seconds(120), clock: Self.clock, pid: 7, config: Self.config).document
        #expect(document.agents.map(\.bot) == ["helpbot", nil])
        let json = try Self.json(document)
        #expect((json["bots"] as? [String: Any])?.isEmpty == true)
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents[0]["bot"] as? String == "helpbot")
        #expect(agents[1]["bot"] is NSNull)
    }

    @Test func aFileFromBeforeBotsReadsWithNone() throws {
        let text = """
            {"version":1,"pid":7,"updated_at":"t","config":{"path":"/c.yaml","generation":1,"loaded_at":"t","last_reload_error":null},
             "summary":{"online":1},"agents":[{"key":"id:a","id":"a","label":null,"enabled":true,"state":"online",
             "consecutive_failures":0,"pings_ok":1,"pings_failed":0}]}
            """
        let document = try JSONDecoder().decode(StatusDocument.self, from: Data(text.utf8))
        #expect(document.bots.isEmpty)
        #expect(document.agents.first?.bot == nil)
    }

    @Test func aDownBotShowsInTheFileAndItsAgentsAreBotDown() throws {
        let harness = SchedulerHarness(Bots.config(bots: 3, humans: 1))
        harness.broker.answer = { _, _ in ProbeAnswers.nlpDown }
        harness.run(for: .seconds(300))
        let document = StatusSnapshot(
            records: harness.scheduler.snapshot(), accounts: harness.scheduler.accounts, bots: harness.scheduler.botReports,
            window: .seconds(120), clock: harness.timeline, pid: 7, config: Self.config
        ).document
        let bot = try #require(document.bots["helpbot"])
        #expect(bot.state == "down" && bot.lastError == "HTTP 462 (NLP communication error)" && bot.probesOK == 0)
        #expect(bot.probesFailed >= 2 && bot.consecutiveFailures == bot.probesFailed && bot.lastOKAt == nil)
        #expect(document.agents.filter { $0.bot == "helpbot" }.map(\.state) == ["bot_down", "bot_down", "bot_down"])
        #expect(document.summary["bot_down"] == 3)
    }
}
