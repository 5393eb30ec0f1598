import PresenceCore
import Testing

@Suite("ConfigParser: who names which bot")
struct ConfigParserBotNamesTests {
    @Test("an agent naming an unknown bot, with the closest suggested")
    func unknownOnAgent() {
        expectOneConfigIssue(botConfig() + "agents:\n  - id: x\n  - id: y\n    bot: bb\n",
                             keyPath: "agents[1].bot", line: 12,
                             mentions: "agent id:y names bot \"bb\", which the config does not declare; "
                                 + "did you mean \"b\"? (bots: b)")
        expectOneConfigIssue("agents:\n  - id: x\n    bot: helpbot\n", keyPath: "agents[0].bot", line: 3,
                             mentions: "agent id:x names bot \"helpbot\", which the config does not declare "
                                 + "(the main config file has no bots:)")
    }

    @Test("an agent naming a bot that has its own problem is not blamed for it")
    func brokenBot() {
        expectOneConfigIssue(botConfig(["org": "nope"]) + "agents:\n  - id: x\n    bot: b\n",
                             keyPath: "bots.b.org", line: 4, mentions: "is not a UUID")
    }

    @Test("an agent in a drop-in names a bot of the main file, or is refused at its line")
    func dropIn() throws {
        let main = try ConfigParser.parse(botConfig(), file: "config.yaml")
        let good = try ConfigParser.parseDropIn("agents:\n  - id: y\n    bot: b\n", file: "10.yaml")
        #expect(good.first?.bot == "b")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: good)])
        #expect(merged.agents.map(\.bot) == ["b"])
        let bad = try ConfigParser.parseDropIn("agents:\n  - id: y\n  - id: z\n    bot: c\n", file: "20.yaml")
        do {
            _ = try ConfigParser.merge(main: main, dropIns: [(file: "20.yaml", agents: bad)])
            Issue.record("merged a drop-in agent naming an unknown bot")
        } catch {
            #expect(error.issues == [ConfigIssue(
                location: ConfigLocation(file: "20.yaml", line: 3), keyPath: "agents[1].bot",
                message: "agent id:z names bot \"c\", which the config does not declare; did you mean \"b\"? (bots: b)")])
        }
    }

    @Test("a drop-in may not declare bots")
    func botsInDropIn() {
        var issues: [ConfigIssue] = []
        do {
            _ = try ConfigParser.parseDropIn("agents:\n  - id: y\nbots:\n  b: {}\n", file: "10.yaml")
        } catch {
            issues = error.issues
        }
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: "10.yaml", line: 3))
        #expect(issues.first?.keyPath == "bots")
        #expect(issues.first?.message.contains("set \"bots\" in the main config file") == true)
    }
}
