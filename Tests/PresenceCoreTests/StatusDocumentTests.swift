import Foundation
import Testing
@testable import PresenceCore

@Suite struct StatusDocumentTests {
    @Test func recordsBecomeAgentEntriesWithWallClockTimes() {
        let timeline = VirtualTimeline()
        var record = AgentRecord(spec: AgentSpec(identity: .email("liz@example.com", name: "Liz"), label: "Liz"), phase: .zero)
        record.recordAttempt(at: timeline.now)
        _ = record.record(.success(), at: timeline.now, window: .seconds(120))
        let disabled = AgentRecord(spec: AgentSpec(identity: .id("x"), enabled: false), phase: .zero)
        let document = StatusSnapshot(
            records: [record, disabled], window: .seconds(120), clock: timeline, pid: 7,
            config: .init(path: "/c.yaml", generation: 3, loadedAt: "t", lastReloadError: nil)
        ).document
        #expect(document.summary["online"] == 1 && document.summary["disabled"] == 1 && document.summary["lapsed"] == 0)
        #expect(document.summary.count == AgentState.allCases.count)
        let liz = document.agents[0]
        #expect(liz.email == "liz@example.com" && liz.id == nil && liz.state == "online" && liz.pingsOK == 1)
        let success = RFC3339.date(from: liz.lastSuccessAt ?? "")
        let until = RFC3339.date(from: liz.presumedOnlineUntil ?? "")
        #expect(success != nil && until != nil)
        #expect(abs(until!.timeIntervalSince(success!) - 120) < 0.01)
        #expect(document.agents[1].state == "disabled" && document.agents[1].enabled == false)
    }

    @Test func rfc3339FormatsUTCWithMilliseconds() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_795_545_146.123)) == "2026-11-24T18:32:26.123Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        let round = RFC3339.string(from: Date(timeIntervalSince1970: 1_800_000_000.5))
        #expect(RFC3339.date(from: round)?.timeIntervalSince1970 == 1_800_000_000.5)
    }

    @Test func theSummaryLineCountsStatesInAFixedOrder() {
        var online = AgentRecord(spec: AgentSpec(identity: .id("a")), phase: .zero)
        online.state = .online
        var retrying = online
        retrying.state = .retrying
        #expect(RosterSummary([online, online, retrying]).line == "3 agents: 2 online, 1 retrying")
        #expect(RosterSummary([AgentRecord]()).line == "0 agents")
    }
}
