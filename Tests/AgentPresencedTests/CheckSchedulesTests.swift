import Foundation
import Testing

/// `check` with schedules (issue 12): each schedule's state now, its next change and its
/// agents; the budget counts only agents on shift at once; schedule errors name line and key.
@Suite struct CheckSchedulesTests {
    static func config(_ folder: TemporaryFolder, schedules: String, agents: String) throws -> String {
        let key = try folder.write("key", "secret-key-123\n")
        return try folder.write("config.yaml", """
            brevo:
              api_key_file: \(key)
            rate_limit:
              requests_per_hour: 400
            ping:
              interval: 60s
            schedules:
            \(schedules)
            agents:
            \(agents)
            """, mode: 0o644)
    }

    @Test func eachScheduleShowsItsStateNextChangeAndAgentsAndTheBudgetCountsOnlyAgentsOnAtOnce() throws {
        let folder = try TemporaryFolder()
        // Two shifts that never overlap: 6 agents in all, at most 4 on at once.
        let config = try Self.config(folder, schedules: """
              early:
                timezone: Europe/Paris
                weekly:
                  mon-sun: 06:00-14:00
              late:
                timezone: Europe/Paris
                weekly:
                  mon-sun: 14:00-22:00
            """, agents: (1...6).map { "  - id: a\($0)\n    schedule: \($0 <= 4 ? "early" : "late")" }.joined(separator: "\n"))
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("schedule early (Europe/Paris): o"), "\(result.stdout)")
        #expect(result.stdout.contains("4 enabled agents") && result.stdout.contains("2 enabled agents"), "\(result.stdout)")
        #expect(result.stdout.contains("240 requests/hour (4 agents on shift at once at the busiest hour, of 6 enabled"), "\(result.stdout)")
        #expect(result.stdout.contains("fits"), "\(result.stdout)")
    }

    @Test(arguments: [
        ("      timezone: Mars/Olympus\n      weekly:\n        mon: 09:00-17:00", "schedules.s.timezone"),
        ("      timezone: UTC\n      weekly:\n        mon: 09:00-25:00", "schedules.s.weekly.mon"),
        ("      timezone: UTC\n      weekly:\n        mon-sunday: 09:00-17:00", "schedules.s.weekly"),
        ("      timezone: UTC\n      weekly:\n        mon: 09:00-12:00, 11:00-13:00", "schedules.s.weekly.mon"),
        ("      timezone: UTC\n      except:\n        2026-02-30: closed", "schedules.s.except"),
    ])
    func aBadScheduleNamesItsLineAndKeyAndExits78(schedule: String, key: String) throws {
        let folder = try TemporaryFolder()
        let config = try Self.config(folder, schedules: "  s:\n" + schedule, agents: "  - id: a1\n    schedule: s")
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 78, "\(result.stdout)")
        #expect(result.stderr.contains("config.yaml:") && result.stderr.contains(key), "\(result.stderr)")
    }

    @Test func anAgentNamingAnUnknownScheduleIsAnErrorAndAnUnusedScheduleAWarning() throws {
        let folder = try TemporaryFolder()
        let config = try Self.config(folder, schedules: "  office:\n    timezone: UTC\n    weekly:\n      mon-fri: 09:00-17:00\n  spare:\n    timezone: UTC",
                                     agents: "  - id: a1\n    schedule: ofice")
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("agents[0].schedule") && result.stderr.contains("office"), "\(result.stderr)")
    }
}
