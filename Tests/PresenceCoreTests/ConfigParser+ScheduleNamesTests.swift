import PresenceCore
import Testing

@Suite("ConfigParser: who names which schedule")
struct ConfigParserScheduleNamesTests {
    /// One schedule, `paris-office`, at line 2.
    static let schedules = "schedules:\n  paris-office:\n    timezone: Europe/Paris\n"

    @Test("an agent naming an unknown schedule, with the closest suggested")
    func unknownOnAgent() {
        expectOneConfigIssue(Self.schedules + "agents:\n  - id: x\n  - id: y\n    schedule: paris-ofice\n",
                             keyPath: "agents[1].schedule", line: 7,
                             mentions: "agent id:y names schedule \"paris-ofice\", which the config does not declare; "
                                 + "did you mean \"paris-office\"? (schedules: paris-office)")
        expectOneConfigIssue("agents:\n  - id: x\n    schedule: late\n", keyPath: "agents[0].schedule", line: 3,
                             mentions: "(the main config file has no schedules:)")
    }

    @Test("an account naming an unknown schedule")
    func unknownOnAccount() {
        expectOneConfigIssue(Self.schedules + "accounts:\n  eu:\n    schedule: paris\n", keyPath: "accounts.eu.schedule",
                             line: 6, mentions: "account eu names schedule \"paris\", which the config does not declare")
    }

    @Test("an agent naming a schedule that has its own problem is not blamed for it")
    func brokenSchedule() {
        expectOneConfigIssue("schedules:\n  s:\n    timezone: Nowhere/Land\nagents:\n  - id: x\n    schedule: s\n",
                             keyPath: "schedules.s.timezone", line: 3, mentions: "is not an IANA time zone name")
    }

    @Test("an agent in a drop-in naming an unknown schedule is refused at its line")
    func unknownInDropIn() throws {
        let main = try ConfigParser.parse(Self.schedules + "agents:\n  - id: x\n    schedule: paris-office\n",
                                          file: "config.yaml")
        let agents = try ConfigParser.parseDropIn("agents:\n  - id: y\n  - id: z\n    schedule: paris-offices\n",
                                                  file: "10.yaml")
        #expect(throws: ConfigError.self) { try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: agents)]) }
        do {
            _ = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: agents)])
        } catch {
            #expect(error.issues == [ConfigIssue(
                location: ConfigLocation(file: "10.yaml", line: 3), keyPath: "agents[1].schedule",
                message: "agent id:z names schedule \"paris-offices\", which the config does not declare; "
                    + "did you mean \"paris-office\"? (schedules: paris-office)")])
        }
    }

    @Test("a drop-in may not declare schedules")
    func scheduleInDropIn() {
        var issues: [ConfigIssue] = []
        do {
            _ = try ConfigParser.parseDropIn("schedules:\n  s:\n    timezone: UTC\nagents:\n  - id: y\n", file: "10.yaml")
        } catch {
            issues = error.issues
        }
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: "10.yaml", line: 1))
        #expect(issues.first?.keyPath == "schedules")
        #expect(issues.first?.message.contains("set \"schedules\" in the main config file") == true)
    }
}
