import Foundation
import Logging
@testable import PresenceCore
import SystemdSupport
import Testing
@testable import PresenceDaemon

/// The journal entries of bots: one per change of a bot (not per agent) with `BOT`, `AGENTS`,
/// `CONSECUTIVE_FAILURES`, `ERROR` and `LATENCY_MS` and the bot-down or bot-up `MESSAGE_ID`;
/// one debug line per probe; `BOT` on a bot agent's own entries.
@Suite struct PresenceLogObserverBotsTests {
    static let start = MonotonicTime.zero + .seconds(1000)

    /// `helpbot` after `outcomes`, one a minute, with `down_after: 2`.
    static func report(after outcomes: [ProbeOutcome]) -> BotReport {
        var health = BotHealth(since: start)
        for (index, outcome) in outcomes.enumerated() {
            health.record(outcome, at: start + .seconds(60 * (index + 1)), downAfter: 2, upAfter: 1)
        }
        return BotReport(name: "helpbot", health: health)
    }

    static let healthy = ProbeOutcome.healthy(answerTexts: ["Hello!"], latency: .milliseconds(143))
    static let nlpDown = ProbeOutcome.failed(.http(status: 462, message: nil), status: 462, latency: .milliseconds(80))

    /// The journal fields `entry` becomes.
    static func fields(_ entry: RecordingLogHandler.Entry) -> [String: String] {
        let built = JournalFields.build(level: entry.level, message: entry.message, metadata: entry.metadata,
                                        file: "f", function: "g", line: 1)
        return Dictionary(built.map { ($0.name, $0.text) }) { first, _ in first }
    }

    @Test func aBotGoingDownIsOneWarningWithItsErrorAndTheBotDownMessageID() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        observer.botChanged(Self.report(after: [Self.healthy, Self.nlpDown, Self.nlpDown]), from: .up, agents: 12)
        let entries = store.all
        #expect(entries.count == 1)
        let entry = entries[0]
        #expect(entry.level == .warning)
        #expect(entry.message == "bot helpbot is down: HTTP 462 (NLP communication error); 12 agents held offline")
        let fields = Self.fields(entry)
        #expect(fields["MESSAGE_ID"] == "3a4f9dfe9f1f4a8fb2129c68cc1efdc1")
        #expect(fields["EVENT"] == "bot_down")
        #expect(fields["BOT"] == "helpbot")
        #expect(fields["AGENTS"] == "12")
        #expect(fields["CONSECUTIVE_FAILURES"] == "2")
        #expect(fields["ERROR"] == "HTTP 462 (NLP communication error)")
        #expect(fields["LATENCY_MS"] == "80")
    }

    @Test func aBotComingBackIsOneNoticeWithItsLatencyAndTheBotUpMessageID() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        observer.botChanged(Self.report(after: [Self.nlpDown, Self.nlpDown, Self.healthy]), from: .down, agents: 12)
        let entries = store.all
        #expect(entries.count == 1)
        let entry = entries[0]
        #expect(entry.level == .notice)
        #expect(entry.message == "bot helpbot is up (latency 143 ms); 12 agents back online")
        let fields = Self.fields(entry)
        #expect(fields["MESSAGE_ID"] == "95dba83fc4dd493bb5610cccc18ceaee")
        #expect(fields["EVENT"] == "bot_up")
        #expect(fields["BOT"] == "helpbot" && fields["AGENTS"] == "12" && fields["LATENCY_MS"] == "143")
        #expect(fields["CONSECUTIVE_FAILURES"] == "0")
        #expect(fields["ERROR"] == nil, "the error of an earlier probe is not this entry's")
    }

    @Test func aBotsFirstGoodProbeIsInfoForItsWaitingAgents() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        observer.botChanged(Self.report(after: [Self.healthy]), from: .unknown, agents: 1)
        #expect(store.all.map(\.level) == [.info])
        #expect(store.all.first?.message == "bot helpbot is up (latency 143 ms); 1 agent online")
        #expect(store.all.first?.metadata["event"]?.description == "bot_up")
    }

    @Test func eachProbeIsOneDebugLineWithItsStatusClassAndLatency() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        observer.botProbed("helpbot", outcome: Self.healthy)
        observer.botProbed("helpbot", outcome: Self.nlpDown)
        observer.botProbed("helpbot", outcome: .failed(.transport(.timeout, message: "no answer within 10 s"), latency: .seconds(10)))
        let entries = store.all
        #expect(entries.map(\.level) == [.debug, .debug, .debug])
        #expect(entries.allSatisfy { $0.metadata["bot"]?.description == "helpbot" && $0.metadata["event"] == nil })
        #expect(entries.map { $0.metadata["latency_ms"]?.description } == ["143", "80", "10000"])
        #expect(entries.map { $0.metadata["http_status"]?.description } == ["200", "462", nil])
        #expect(entries.map { $0.metadata["error_class"]?.description } == [nil, "http_462", "timeout"])
        #expect(entries[0].message == "probe of bot helpbot: healthy (143 ms)")
        #expect(entries[1].message == "probe of bot helpbot: failed: HTTP 462 (NLP communication error) (80 ms)")
    }

    @Test func aSessionLeftOpenIsInfo() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        var outcome = Self.healthy
        outcome.sessionClosed = false
        outcome.closeError = "HTTP 500"
        observer.botProbed("helpbot", outcome: outcome)
        #expect(store.all.map(\.level) == [.info])
        #expect(store.all.first?.message.hasSuffix("; session not closed: HTTP 500") == true)
    }

    @Test func quietAboveDebugUnlessTheSessionWasLeftOpen() {
        let store = RecordingLogHandler.Store()
        var logger = Logger.recording(into: store)
        logger.logLevel = .info
        let observer = PresenceLogObserver(logger: logger)
        observer.botProbed("helpbot", outcome: Self.healthy)
        var open = Self.healthy
        open.sessionClosed = false
        observer.botProbed("helpbot", outcome: open)
        #expect(store.all.count == 1)
        #expect(store.all.first?.message.hasSuffix("session not closed: unknown error") == true)
    }

    @Test func aBotAgentsOwnEntriesNameItsBot() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        let bot = AgentRecord(spec: AgentSpec(identity: .id("b1"), label: "Help bot", bot: "helpbot"), phase: .zero)
        let person = AgentRecord(spec: AgentSpec(identity: .id("p1"), label: "Alice"), phase: .zero)
        observer.agentChanged(bot, transition: .init(from: .online, to: .botDown), outcome: nil)
        observer.agentChanged(person, transition: .init(from: .pending, to: .online), outcome: nil)
        let entries = store.all
        #expect(entries.count == 2)
        #expect(Self.fields(entries[0])["BOT"] == "helpbot")
        #expect(entries[0].metadata["state"]?.description == "bot_down")
        #expect(entries[1].metadata["bot"] == nil)
    }
}
