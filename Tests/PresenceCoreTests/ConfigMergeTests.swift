import PresenceCore
import Testing

@Suite("ConfigParser.merge")
struct ConfigMergeTests {
    private func agent(_ id: String, _ file: String, _ line: Int) -> AgentSpec {
        AgentSpec(identity: .id(id), source: ConfigLocation(file: file, line: line))
    }

    @Test("drop-in agents are appended in the order given")
    func order() throws {
        let main = PresenceConfig(agents: [agent("m1", "config.yaml", 3)])
        let merged = try ConfigParser.merge(main: main, dropIns: [
            (file: "a.yaml", agents: [agent("a1", "a.yaml", 2), agent("a2", "a.yaml", 3)]),
            (file: "b.yaml", agents: []),
            (file: "c.yaml", agents: [agent("c1", "c.yaml", 2)]),
        ])
        #expect(merged.agents.map(\.key.rawValue) == ["id:m1", "id:a1", "id:a2", "id:c1"])
        #expect(merged.ping == main.ping)
    }

    @Test("an agent declared in two files names both")
    func duplicateAcrossFiles() {
        let main = PresenceConfig(agents: [agent("x", "config.yaml", 9)])
        do {
            _ = try ConfigParser.merge(main: main, dropIns: [
                (file: "a.yaml", agents: [agent("abc", "a.yaml", 3)]),
                (file: "b.yaml", agents: [agent("abc", "b.yaml", 7), agent("x", "b.yaml", 8)]),
            ])
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.message) == [
                "agent id:abc is declared in a.yaml:3 and b.yaml:7",
                "agent id:x is declared in config.yaml:9 and b.yaml:8",
            ])
            #expect(error.issues.map(\.location) == [ConfigLocation(file: "b.yaml", line: 7),
                                                     ConfigLocation(file: "b.yaml", line: 8)])
        }
    }

    @Test("parsed files merge with their sources intact")
    func parsedFiles() throws {
        let main = try ConfigParser.parse("agents:\n  - email: liz@example.com\n    name: Liz\n", file: "config.yaml")
        let dropIn = try ConfigParser.parseDropIn("agents:\n  - email: Liz@Example.com\n    name: L\n", file: "10.yaml")
        #expect(throws: ConfigError.self) {
            try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        }
        do {
            _ = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        } catch {
            #expect(error.description == "10.yaml:2: agents: agent email:liz@example.com is declared in "
                + "config.yaml:2 and 10.yaml:2")
        }
    }
}
