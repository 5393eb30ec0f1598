import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// A snapshot's entries written straight from the records say, byte for byte, what the
/// entries made by `StatusSnapshot.entry(for:)` say, for every kind of field.
@Suite struct StatusJSONEncoderRecordsTests {
    static let clock = FrozenClock(now: .zero + .seconds(5000), wallNow: Date(timeIntervalSince1970: 1_795_000_000.125))

    /// One record of each kind: never pinged, online, failing, email form, disabled, on and off
    /// shift, overridden, a bot's agent, odd characters in the texts.
    static func records() -> [AgentRecord] {
        let now = clock.now
        var never = AgentRecord(spec: AgentSpec(identity: .id("never")), phase: .seconds(1))
        never.nextPingAt = now + .milliseconds(1500)
        var online = AgentRecord(spec: AgentSpec(identity: .id("online"), label: "Desk \\ \"1\"\n", account: "eu"), phase: .zero)
        online.recordAttempt(at: now - .milliseconds(2001))
        _ = online.record(.success(), at: now - .microseconds(1_999_500), window: .seconds(120))
        online.nextPingAt = now + .seconds(58)
        var failing = online
        failing.recordAttempt(at: now - .seconds(1))
        _ = failing.record(.transportError(.timeout, message: "timed out after 10 s\t(\u{1}) é"), at: now, window: .seconds(120))
        var email = AgentRecord(spec: AgentSpec(identity: .email("Liz@Example.com", name: "Liz"), schedule: "office"), phase: .zero)
        email.shiftIndex = 0
        var offShift = AgentRecord(spec: AgentSpec(identity: .id("night"), schedule: "night"), phase: .zero)
        offShift.shiftIndex = 1
        _ = offShift.hold(.offShift)
        var disabled = AgentRecord(spec: AgentSpec(identity: .id("off"), enabled: false), phase: .zero)
        _ = disabled.setEnabled(false)
        var away = AgentRecord(spec: AgentSpec(identity: .id("away"), bot: "helpbot"), phase: .zero)
        _ = away.hold(.away)
        let overridden = AgentRecord(spec: AgentSpec(identity: .id("until")), phase: .zero)
        return [never, online, failing, email, offShift, disabled, away, overridden]
    }

    static func snapshot() -> StatusSnapshot {
        let records = records()
        let availability = AvailabilityView(
            overrides: [
                records[6].spec.key: PresenceOverride(mode: .away, reason: "lunch", setAt: Date(timeIntervalSince1970: 1_794_999_000)),
                records[7].spec.key: PresenceOverride(mode: .online, until: Date(timeIntervalSince1970: 1_795_003_600.5), setAt: Date(timeIntervalSince1970: 1_794_999_999)),
            ],
            shifts: [
                AvailabilityView.Shift(name: "office", isOn: true, changesAt: Date(timeIntervalSince1970: 1_795_020_000)),
                AvailabilityView.Shift(name: "night", isOn: false, changesAt: Date(timeIntervalSince1970: 1_795_040_000)),
            ]
        )
        return StatusSnapshot(records: records, availability: availability, window: .seconds(120), clock: clock, pid: 9,
                              config: .init(path: "/etc/c.yaml", generation: 1, loadedAt: "2026-11-24T18:00:00.000Z", lastReloadError: nil))
    }

    @Test func everyKindOfEntryHasTheBytesOfItsMadeEntry() throws {
        let snapshot = Self.snapshot()
        let fromRecords = StatusJSONEncoder.encode(snapshot)
        #expect(fromRecords == StatusJSONEncoder.encode(snapshot.document))
        let document = try JSONDecoder().decode(StatusDocument.self, from: Data(fromRecords))
        #expect(document.agents == snapshot.records.map(snapshot.entry(for:)))
        #expect(document.agents[3].email == "Liz@Example.com" && document.agents[3].shiftEndsAt == "2026-11-18T16:40:00.000Z")
        #expect(document.agents[4].nextShiftAt == "2026-11-18T22:13:20.000Z" && document.agents[4].shiftEndsAt == nil)
        #expect(document.agents[7].override?.until == "2026-11-18T12:06:40.500Z")
        #expect(document.agents[1].lastSuccessAt == "2026-11-18T11:06:38.125Z")
    }

    @Test func timesAppendedAsBytesReadAsTheirStrings() {
        for seconds in [0, 1_795_000_000.123, 1_795_000_000.9999, -1.5, 253_402_300_799.999, 253_402_300_800] {
            let date = Date(timeIntervalSince1970: seconds)
            var bytes: [UInt8] = [0x41]
            RFC3339.append(date, to: &bytes)
            #expect(bytes == [0x41] + Array(RFC3339.string(from: date).utf8))
        }
    }
}
