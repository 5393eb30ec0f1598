import Foundation
import Testing
@testable import PresenceCore

/// Shift boundaries in virtual time: off-shift agents get no ping, a stall across a boundary
/// sends nothing for the shift that ended, an `online` override pings off shift within a second,
/// and a reload that changes an agent's schedule takes effect at once (issue 12).
@Suite struct PresenceSchedulerShiftTests {
    /// Monday 2026-11-30 09:59:00 UTC.
    static let monday = RFC3339.date(from: "2026-11-30T09:59:00Z")!

    static func config(agents: Int = 20, except: String = "", otherSchedule: String? = nil) throws -> PresenceConfig {
        var yaml = """
            ping:
              interval: 60s
              jitter: 2s
            schedules:
              morning:
                timezone: UTC
                weekly:
                  mon-sun: 10:00-10:30
            \(except)
              evening:
                timezone: UTC
                weekly:
                  mon-sun: 18:00-19:00
            agents:

            """
        for index in 0..<agents {
            yaml += "  - id: ag\(index)\n    schedule: \(otherSchedule ?? "morning")\n"
        }
        return try ConfigParser.parse(yaml, file: "config.yaml")
    }

    func wall(_ harness: SchedulerHarness, _ time: MonotonicTime) -> Date {
        harness.timeline.wallDate(at: time)
    }

    @Test func offShiftAgentsWaitThenStartWithinSecondsAndStopBeforeTheEnd() throws {
        let harness = SchedulerHarness(try Self.config(), wallStart: Self.monday)
        #expect(harness.scheduler.summary.counts[.offShift] == 20)
        let entry = StatusSnapshot(records: harness.scheduler.snapshot(), availability: harness.scheduler.availabilityView,
                                   window: .seconds(120), clock: harness.timeline, pid: 1, config: .init(path: "", generation: 1, loadedAt: "", lastReloadError: nil))
            .entry(for: harness.scheduler.snapshot()[0])
        #expect(entry.state == "off_shift")
        #expect(entry.nextShiftAt == "2026-11-30T10:00:00.000Z")
        #expect(entry.schedule == "morning")
        harness.run(for: .seconds(60 + 31 * 60))
        let start = Self.monday.addingTimeInterval(60)
        let end = start.addingTimeInterval(30 * 60)
        for (key, sends) in harness.transport.timesByAgent() {
            let walls = sends.map { wall(harness, $0) }
            #expect(walls.allSatisfy { $0 >= start && $0 < end }, "\(key) pinged outside 10:00-10:30")
            #expect(walls.first.map { $0.timeIntervalSince(start) <= 3 } == true)
            #expect((29...31).contains(walls.count), "\(key): \(walls.count) pings in a 30-minute shift")
        }
        #expect(harness.scheduler.summary.counts[.offShift] == 20)
    }

    /// A wall-clock step into a shift (its boundary timer runs on the monotonic clock) is
    /// caught by the housekeeping pass: the agents start within seconds of it.
    @Test func aWallClockStepIntoAShiftIsCaughtByTheHousekeepingPass() throws {
        let harness = SchedulerHarness(try Self.config(agents: 5), wallStart: Self.monday)
        harness.run(for: .seconds(10))
        harness.scheduler.refreshShifts()
        #expect(harness.scheduler.summary.counts[.offShift] == 5)
        harness.timeline.stepWallClock(by: 300)
        harness.scheduler.refreshShifts()
        #expect(harness.scheduler.summary.counts[.offShift] == nil)
        let steppedAt = harness.timeline.now
        harness.run(for: .seconds(14))
        #expect(harness.transport.sent.count == 5)
        #expect(harness.transport.sent.allSatisfy { $0.at - steppedAt <= .seconds(3) })
    }

    @Test func aStallAcrossTheEndOfAShiftSendsNothingForIt() throws {
        let harness = SchedulerHarness(try Self.config(), wallStart: Self.monday)
        harness.run(for: .seconds(60 + 20 * 60))
        let before = harness.transport.sent.count
        harness.timeline.stall(for: .seconds(15 * 60))
        harness.run(for: .seconds(60 + 40 * 60))
        #expect(harness.transport.sent.count == before, "no ping for a shift that ended during the stall")
        #expect(harness.scheduler.summary.counts[.offShift] == 20)
        // The next day's shift starts as usual.
        harness.run(for: .seconds(60 + 86_400 + 5))
        #expect(harness.transport.sent.count == before + 20)
    }

    @Test func onlineOffShiftPingsWithinASecondAndEndsWithItsOverride() throws {
        let harness = SchedulerHarness(try Self.config(agents: 3), wallStart: Self.monday.addingTimeInterval(-3600))
        harness.run(for: .seconds(10))
        let key = AgentKey("id:ag1")
        let setAt = harness.timeline.now
        let until = wall(harness, setAt).addingTimeInterval(300)
        let record = try harness.scheduler.setOverride(PresenceOverride(mode: .online, until: until, setAt: wall(harness, setAt)), for: key).get()
        #expect(record.state == .pending)
        harness.run(for: .seconds(11))
        let first = try #require(harness.transport.times(by: key).first)
        #expect(first - setAt <= .seconds(1))
        harness.run(for: .seconds(10 + 600))
        let sends = harness.transport.times(by: key)
        #expect((5...6).contains(sends.count), "one ping a minute for the five minutes of the override: \(sends.count)")
        #expect(sends.allSatisfy { wall(harness, $0) < until })
        #expect(harness.scheduler.record(for: key)?.state == .offShift)
        #expect(harness.transport.times(by: AgentKey("id:ag0")).isEmpty)
    }

    @Test func awayOnShiftHoldsAndItsStateNamesTheFirstSource() throws {
        let harness = SchedulerHarness(try Self.config(agents: 2), wallStart: Self.monday)
        let now = wall(harness, harness.timeline.now)
        _ = try harness.scheduler.setOverride(PresenceOverride(mode: .away, setAt: now), for: AgentKey("id:ag0")).get()
        // Off shift comes first in the order: the agent shows off_shift until its shift starts.
        #expect(harness.scheduler.record(for: AgentKey("id:ag0"))?.state == .offShift)
        harness.run(for: .seconds(65))
        #expect(harness.scheduler.record(for: AgentKey("id:ag0"))?.state == .away)
        harness.run(for: .seconds(600))
        #expect(harness.transport.times(by: AgentKey("id:ag0")).isEmpty)
        #expect(harness.transport.times(by: AgentKey("id:ag1")).count >= 9)
    }

    @Test func aReloadThatChangesAnAgentsScheduleTakesEffectAtOnce() throws {
        let harness = SchedulerHarness(try Self.config(agents: 5), wallStart: Self.monday)
        harness.run(for: .seconds(60 + 5 * 60))
        #expect(harness.scheduler.summary.counts[.offShift] == nil)
        harness.scheduler.apply(try Self.config(agents: 5, otherSchedule: "evening"))
        let reloadedAt = harness.timeline.now
        #expect(harness.scheduler.summary.counts[.offShift] == 5)
        harness.run(for: .seconds(60 + 60 * 60))
        #expect(harness.transport.sent.allSatisfy { $0.at < reloadedAt })
    }

    @Test func aClosedExceptionKeepsTheDayOffAndBoundariesAreOneEntryPerSchedule() throws {
        let observer = OverrideRecorder()
        let config = try Self.config(except: "    except:\n      2026-11-30: closed\n      2026-12-01: 10:10-10:20")
        let harness = SchedulerHarness(config, observer: observer, wallStart: Self.monday)
        harness.run(for: .seconds(86_400 + 60 + 30 * 60))
        let walls = harness.transport.sent.map { wall(harness, $0.at) }
        let tuesdayStart = RFC3339.date(from: "2026-12-01T10:10:00Z")!
        #expect(walls.allSatisfy { $0 >= tuesdayStart && $0 < tuesdayStart.addingTimeInterval(600) })
        #expect((195...210).contains(walls.count), "20 agents, ten minutes: \(walls.count) pings")
        #expect(observer.shifts.map(\.isOn) == [true, false])
        #expect(observer.shifts.allSatisfy { $0.schedule == "morning" && $0.agents == 20 })
    }
}
