import Foundation
import Testing
@testable import PresenceCore

/// A week of a 500-agent roster on three schedules in two zones, in virtual time, across the
/// daylight-saving changes of both zones: every ping inside a shift, none outside, the first
/// ping of each shift within the promised seconds and spread, then one ping per interval
/// (issue 12).
@Suite struct PresenceSchedulerShiftWeekTests {
    static let yaml = """
        ping:
          interval: 60s
          jitter: 2s
        schedules:
          paris-office:
            timezone: Europe/Paris
            weekly:
              mon-fri: 09:00-12:30, 13:30-18:00
              sat: 10:00-14:00
            except:
              2026-10-28: closed
              2026-10-29: 09:00-11:00
          paris-night:
            timezone: Europe/Paris
            weekly:
              mon-sun: 22:00-06:00
          ny-desk:
            timezone: America/New_York
            weekly:
              mon-fri: 08:00-17:00
              sat: 23:00-03:00
              sun: 03:30-04:00
        agents:
        """

    /// The roster: 500 agents, a third on each schedule (and a few always on).
    static func config() throws -> PresenceConfig {
        let names = ["paris-office", "paris-night", "ny-desk"]
        let agents = (0..<500).map { index in
            let schedule = index < 495 ? "\n    schedule: \(names[index % 3])" : ""
            return String(format: "  - id: ag%04d", index) + schedule
        }
        return try ConfigParser.parse(yaml + "\n" + agents.joined(separator: "\n") + "\n", file: "config.yaml")
    }

    enum Week: String, CaseIterable, CustomTestStringConvertible {
        /// New York springs forward on Sunday 2026-03-08: its Saturday night is an hour shorter.
        case newYorkSpring = "2026-03-04T12:00:00Z"
        /// Paris springs forward on Sunday 2026-03-29: a night an hour shorter.
        case parisSpring = "2026-03-26T12:00:00Z"
        /// Paris falls back on 2026-10-25 and New York on 2026-11-01: nights an hour longer
        /// (eight days, to hold both).
        case bothFall = "2026-10-24T12:00:00Z"

        var testDescription: String { "\(self)" }
        var start: Date { RFC3339.date(from: rawValue)! }
        /// The run, a second short of whole days so no boundary falls on its very end.
        var length: TimeInterval { (self == .bothFall ? 8 : 7) * 86_400 - 1 }
    }

    @Test(arguments: Week.allCases)
    func aWeekOfShifts(week: Week) throws {
        let config = try Self.config()
        let observer = OverrideRecorder()
        let harness = SchedulerHarness(config, observer: observer, wallStart: week.start)
        harness.run(for: .seconds(Int64(week.length)))
        let wall = { (time: MonotonicTime) in harness.timeline.wallDate(at: time) }
        let end = week.start.addingTimeInterval(week.length)
        let byAgent = harness.transport.timesByAgent()
        var pingsPerShift: [String: [Int: [Int]]] = [:]
        var lateStarts = 0
        var firstPingDelays: [Double] = []
        for spec in config.agents {
            let sends = byAgent[spec.key] ?? []
            guard let schedule = config.schedule(of: spec) else {
                #expect(sends.count >= Int(week.length / 60) - 2, "an always-on agent pings every minute")
                continue
            }
            // Every ping inside a shift, none outside, none at or after a shift's end.
            let shifts = schedule.shifts(from: week.start, to: end)
            let outside = sends.filter { send in !shifts.contains { $0.contains(wall(send)) } }
            #expect(outside.isEmpty, "\(spec.key) pinged outside \(schedule.name) at \(outside.prefix(3).map { RFC3339.string(from: wall($0)) })")
            // Per shift: the first ping within a few seconds of its start, then one a minute.
            for shift in shifts where shift.lowerBound > week.start && shift.upperBound < end {
                let inside = sends.filter { shift.contains(wall($0)) }
                guard let first = inside.first else {
                    Issue.record("\(spec.key): no ping in its shift \(shift)")
                    continue
                }
                let delay = wall(first).timeIntervalSince(shift.lowerBound)
                firstPingDelays.append(delay)
                if delay > 3.5 { lateStarts += 1 }
                let minutes = shift.upperBound.timeIntervalSince(shift.lowerBound) / 60
                #expect(abs(Double(inside.count) - minutes) <= 2, "\(spec.key): \(inside.count) pings in a \(minutes)-minute shift")
                pingsPerShift[schedule.name, default: [:]][Int(minutes.rounded()), default: []].append(inside.count)
            }
        }
        #expect(lateStarts == 0, "first pings later than 3.5 s after a shift's start")
        // Spread: the first pings of a shift are not a burst (165 agents over about 3 s).
        #expect(firstPingDelays.filter { $0 < 0.1 }.count < firstPingDelays.count / 10)
        // One journal entry per boundary per schedule, not per agent.
        let boundaries = observer.shifts.count
        let expected = config.schedules.values.reduce(0) { total, schedule in
            total + schedule.shifts(from: week.start, to: end).reduce(0) { count, shift in
                count + (shift.lowerBound > week.start ? 1 : 0) + (shift.upperBound < end ? 1 : 0)
            }
        }
        #expect(boundaries == expected)
        #expect(observer.shifts.allSatisfy { $0.agents == 165 })
        for (name, byLength) in pingsPerShift.sorted(by: { $0.key < $1.key }) {
            let lengths = byLength.sorted { $0.key < $1.key }.map { minutes, counts in
                "\(minutes) min: \(counts.min() ?? 0)…\(counts.max() ?? 0) (\(counts.count))"
            }
            print("week \(week): \(name): pings per agent per shift by shift length: " + lengths.joined(separator: ", "))
        }
        print("week \(week): first ping of a shift \(String(format: "%.2f", firstPingDelays.max() ?? 0)) s after its start at the latest, "
            + "\(firstPingDelays.filter { $0 < 0.1 }.count) of \(firstPingDelays.count) within its first 100 ms")
    }
}
