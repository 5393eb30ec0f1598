import Foundation
import Logging
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The journal entries of schedules and overrides (issue 12): one per boundary with the
/// schedule and its agent count, one per override change with `OVERRIDE`, `UNTIL`, `REASON`
/// and the agent's ID, each with its event (and so its `MESSAGE_ID`).
@Suite struct PresenceLogObserverAvailabilityTests {
    static let until = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func anOverrideEntryCarriesItsFieldsAndEvent() throws {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        let record = AgentRecord(spec: AgentSpec(identity: .id("a1"), label: "Alice"), phase: .zero)
        let override = PresenceOverride(mode: .away, until: Self.until, reason: "lunch", setAt: Self.until.addingTimeInterval(-600))
        for event in [OverrideEvent.set, .cleared, .expired] {
            observer.overrideChanged(record, override: override, event: event)
        }
        let entries = store.all
        #expect(entries.map { $0.metadata["event"]?.description } == ["override_set", "override_cleared", "override_expired"])
        for entry in entries {
            #expect(entry.level == .notice)
            #expect(entry.metadata["override"]?.description == "away")
            #expect(entry.metadata["until"]?.description == "2026-11-18T11:06:40.000Z")
            #expect(entry.metadata["reason"]?.description == "lunch")
            #expect(entry.metadata["agent_id"]?.description == "a1")
        }
        #expect(entries[0].message.contains("Alice overridden away until 2026-11-18T11:06:40.000Z (lunch)"))
    }

    @Test func aShiftBoundaryIsOneEntryNamingTheScheduleAndItsAgents() {
        let store = RecordingLogHandler.Store()
        let observer = PresenceLogObserver(logger: .recording(into: store))
        observer.shiftChanged(schedule: "paris-office", isOn: true, agents: 165, changesAt: Self.until)
        observer.shiftChanged(schedule: "paris-office", isOn: false, agents: 165, changesAt: nil)
        let entries = store.all
        #expect(entries.map { $0.metadata["event"]?.description } == ["shift_started", "shift_ended"])
        #expect(entries.allSatisfy { $0.metadata["schedule"]?.description == "paris-office" && $0.metadata["agents"]?.description == "165" })
        #expect(entries[0].metadata["until"]?.description == "2026-11-18T11:06:40.000Z")
        #expect(entries[1].metadata["until"] == nil)
        #expect(entries[0].message.contains("165 agents pinged again") && entries[0].message.contains("it ends 2026-11-18T11:06:40.000Z"))
        #expect(entries[1].message.hasSuffix("165 agents off shift with no shift within a year"))
    }
}
