import PresenceCore
import Testing

@Suite("ConfigParser.warnings: schedules")
struct ConfigWarningsSchedulesTests {
    @Test("a schedule nobody names is a warning, in file order, in either form")
    func unusedWarning() throws {
        let yaml = """
            schedules:
              used-by-agent:
                timezone: UTC
              idle-b:
                timezone: UTC
              used-by-account:
                timezone: UTC
              idle-a:
                timezone: UTC
            accounts:
              eu:
                schedule: used-by-account
            agents:
              - id: x
                schedule: used-by-agent
            """
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(ConfigParser.warnings(for: config) == [
            "config.yaml:4: schedule idle-b is not used: no agent or account names it",
            "config.yaml:8: schedule idle-a is not used: no agent or account names it",
        ])
        let oneAccount = try ConfigParser.parse("schedules:\n  late:\n    timezone: UTC\n", file: "c.yaml")
        #expect(ConfigParser.warnings(for: oneAccount) == ["c.yaml:2: schedule late is not used: no agent or account names it"])
    }

    @Test("a drop-in agent's schedule counts as a use once merged")
    func usedFromDropIn() throws {
        let main = try ConfigParser.parse("schedules:\n  late:\n    timezone: UTC\n", file: "config.yaml")
        let agents = try ConfigParser.parseDropIn("agents:\n  - id: y\n    schedule: late\n", file: "10.yaml")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: agents)])
        #expect(ConfigParser.warnings(for: merged).isEmpty)
    }
}
