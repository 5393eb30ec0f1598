import PresenceCore
import Testing

@Suite("ConfigParser.warnings: bots")
struct ConfigWarningsBotsTests {
    /// A second bot, `idle`, declared at line 9 after ``botConfig(_:extra:)``'s `b`.
    static let twoBots = botConfig() + """
          idle:
            base_url: https://broker.example.com
            org: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
            env: 0a9e8d7c-6b5a-4948-8372-615049382716
            bot: 47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9
            channel: 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7
            locale: en-US

        """

    @Test("a bot no agent names is a warning, in file order; a disabled agent still names its bot")
    func unused() throws {
        let none = try ConfigParser.parse(Self.twoBots, file: "config.yaml")
        #expect(ConfigParser.warnings(for: none) == [
            "config.yaml:2: bot b is not used: no agent names it",
            "config.yaml:9: bot idle is not used: no agent names it",
        ])
        let one = try ConfigParser.parse(Self.twoBots + "agents:\n  - id: x\n    bot: b\n    enabled: false\n", file: "config.yaml")
        #expect(ConfigParser.warnings(for: one) == ["config.yaml:9: bot idle is not used: no agent names it"])
    }

    @Test("a drop-in agent's bot counts as a use once merged")
    func usedFromDropIn() throws {
        let main = try ConfigParser.parse(botConfig(), file: "config.yaml")
        let agents = try ConfigParser.parseDropIn("agents:\n  - id: y\n    bot: b\n", file: "10.yaml")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: agents)])
        #expect(ConfigParser.warnings(for: merged).isEmpty)
    }

    @Test("bot warnings come after schedule warnings")
    func order() throws {
        let config = try ConfigParser.parse(botConfig() + "schedules:\n  late:\n    timezone: UTC\n", file: "c.yaml")
        #expect(ConfigParser.warnings(for: config) == [
            "c.yaml:10: schedule late is not used: no agent or account names it",
            "c.yaml:2: bot b is not used: no agent names it",
        ])
    }
}
