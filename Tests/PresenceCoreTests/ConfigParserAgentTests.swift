import PresenceCore
import Testing

@Suite("ConfigParser: agents")
struct ConfigParserAgentTests {
    @Test("the same id twice in one file names both lines")
    func duplicateIDs() {
        expectOneConfigIssue("agents:\n  - id: abc\n  - id: def\n  - id: abc\n    label: again\n",
                             keyPath: "agents[2]", line: 4,
                             mentions: "agent id:abc is declared in config.yaml:2 and config.yaml:4")
    }

    @Test("the same email in another case is the same agent")
    func duplicateEmails() {
        expectOneConfigIssue("agents:\n  - email: liz@example.com\n    name: Liz\n  - email: LIZ@example.COM\n    name: L\n",
                             keyPath: "agents[1]", line: 4,
                             mentions: "agent email:liz@example.com is declared in config.yaml:2 and config.yaml:4")
    }

    @Test("an empty agent id", arguments: ["\"\"", "\"  \"", ""])
    func emptyID(value: String) {
        let issues = configParseIssues("agents:\n  - id: \(value)\n")
        #expect(issues.count == 1)
        #expect(issues.first?.keyPath == "agents[0].id")
        #expect(issues.first?.location == ConfigLocation(file: "config.yaml", line: 2))
    }

    @Test("an agent with neither id nor email")
    func noIdentity() {
        expectOneConfigIssue("agents:\n  - label: Alice\n", keyPath: "agents[0]", line: 2,
                             mentions: "needs either id, or email and name")
    }

    @Test("an agent with both id and email")
    func bothIdentities() {
        expectOneConfigIssue("agents:\n  - id: abc\n    email: liz@example.com\n    name: Liz\n",
                             keyPath: "agents[0]", line: 2, mentions: "either id, or email and name, not both")
    }

    @Test("an email without a name")
    func emailWithoutName() {
        expectOneConfigIssue("agents:\n  - id: ok\n  - email: liz@example.com\n    label: Liz\n",
                             keyPath: "agents[1].name", line: 3, mentions: "needs a name")
    }

    @Test("a name with an id")
    func nameWithID() {
        expectOneConfigIssue("agents:\n  - id: abc\n    name: Alice\n", keyPath: "agents[0].name", line: 3,
                             mentions: "use label")
    }

    @Test("an invalid email", arguments: ["liz@", "liz@example", "liz smith@example.com", "liz@@example.com"])
    func invalidEmail(value: String) {
        expectOneConfigIssue("agents:\n  - email: \"\(value)\"\n    name: Liz\n", keyPath: "agents[0].email", line: 2,
                             mentions: "is not a valid email address")
    }

    @Test("agents that are not a list, or entries that are not mappings")
    func wrongShapes() {
        expectOneConfigIssue("agents:\n  id: abc\n", keyPath: "agents", line: 2, mentions: "expected a list of agents")
        expectOneConfigIssue("agents:\n  - abc\n", keyPath: "agents[0]", line: 2, mentions: "expected an agent mapping")
    }

    @Test("a drop-in file with anything but agents is refused")
    func dropInOtherKeys() {
        do {
            _ = try ConfigParser.parseDropIn("ping:\n  interval: 30s\naccounts:\n  a: {}\nagents:\n  - id: a\nfoo: 1\n",
                                             file: "d/10.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.keyPath) == ["ping", "accounts", "foo"])
            #expect(error.issues.map(\.location) == [ConfigLocation(file: "d/10.yaml", line: 1),
                                                     ConfigLocation(file: "d/10.yaml", line: 3),
                                                     ConfigLocation(file: "d/10.yaml", line: 7)])
            #expect(error.issues.first?.message.contains("set \"ping\" in the main config file") == true)
            #expect(error.issues.dropFirst().first?.message.contains("set \"accounts\" in the main config file") == true)
        }
    }
}
