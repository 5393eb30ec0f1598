import PresenceCore
import Testing

@Suite("ConfigParser.merge: drop-in agents and accounts")
struct ConfigMergeAccountsTests {
    /// Two accounts, `a` and `b`, and agent `x` of `a` at line 5.
    static let twoAccounts = "accounts:\n  a: {}\n  b: {}\nagents:\n  - id: x\n    account: a\n"

    /// The issues of parsing `main` and `dropIn` (as `10.yaml`) and merging them, or none.
    private func mergeIssues(main: String, dropIn: String) -> [ConfigIssue] {
        do {
            let config = try ConfigParser.parse(main, file: "config.yaml")
            let agents = try ConfigParser.parseDropIn(dropIn, file: "10.yaml")
            _ = try ConfigParser.merge(main: config, dropIns: [(file: "10.yaml", agents: agents)])
            return []
        } catch {
            return error.issues
        }
    }

    @Test("drop-in agents name accounts; the same ID in two accounts is two agents")
    func namedAccounts() throws {
        let main = try ConfigParser.parse(Self.twoAccounts, file: "config.yaml")
        let dropIn = try ConfigParser.parseDropIn("agents:\n  - id: x\n    account: b\n  - id: y\n    account: a\n",
                                                  file: "10.yaml")
        #expect(dropIn.map(\.account) == ["b", "a"])
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        #expect(merged.agents.map(\.key.rawValue) == ["a/id:x", "b/id:x", "a/id:y"])
        #expect(merged.agents.map(\.source) == [ConfigLocation(file: "config.yaml", line: 5),
                                                ConfigLocation(file: "10.yaml", line: 2),
                                                ConfigLocation(file: "10.yaml", line: 4)])
        #expect(merged.accounts == main.accounts)
    }

    @Test("a drop-in agent without account: gets the only account")
    func onlyAccount() throws {
        let main = try ConfigParser.parse("accounts:\n  solo: {}\n", file: "config.yaml")
        let dropIn = try ConfigParser.parseDropIn("agents:\n  - id: x\n", file: "10.yaml")
        #expect(dropIn.first?.account == nil)
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        #expect(merged.agents.map(\.key.rawValue) == ["solo/id:x"])
    }

    @Test("in the one-account form a drop-in may write account: default, and keys stay as they were")
    func oneAccountForm() throws {
        let main = try ConfigParser.parse("agents:\n  - id: x\n", file: "config.yaml")
        let dropIn = try ConfigParser.parseDropIn("agents:\n  - id: y\n    account: default\n  - id: z\n",
                                                  file: "10.yaml")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        #expect(merged.agents.map(\.key.rawValue) == ["id:x", "id:y", "id:z"])
        #expect(merged.agents.allSatisfy { $0.account == nil })
        #expect(!merged.namesAccounts)
    }

    @Test("a drop-in agent without account: when there are several accounts")
    func missingAccount() {
        let issues = mergeIssues(main: Self.twoAccounts, dropIn: "agents:\n  - id: y\n    account: b\n  - id: z\n")
        #expect(issues == [ConfigIssue(location: ConfigLocation(file: "10.yaml", line: 4), keyPath: "agents[1].account",
                                       message: "agent id:z has no account: and the config names 2 accounts (a, b)")])
    }

    @Test("a drop-in agent naming an unknown account names the drop-in, its line and the known accounts")
    func unknownAccount() {
        let issues = mergeIssues(main: Self.twoAccounts, dropIn: "agents:\n  - id: y\n    account: c\n")
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: "10.yaml", line: 2))
        #expect(issues.first?.keyPath == "agents[0].account")
        #expect(issues.first?.message == "agent id:y names account \"c\", which the config does not declare; "
            + "did you mean \"a\"? (accounts: a, b)")
    }

    @Test("a drop-in naming an account in the one-account form")
    func accountWithoutAccounts() {
        let issues = mergeIssues(main: "agents: []\n", dropIn: "agents:\n  - id: y\n    account: sales\n")
        #expect(issues.map(\.location) == [ConfigLocation(file: "10.yaml", line: 2)])
        #expect(issues.map(\.keyPath) == ["agents[0].account"])
        #expect(issues.first?.message.contains("declares no accounts:") == true)
    }

    @Test("the same agent in one account across files names both places")
    func repeatAcrossFiles() {
        let issues = mergeIssues(main: "accounts:\n  a: {}\nagents:\n  - id: x\n",
                                     dropIn: "agents:\n  - id: y\n  - id: x\n    account: a\n")
        #expect(issues == [ConfigIssue(location: ConfigLocation(file: "10.yaml", line: 3), keyPath: "agents",
                                       message: "agent a/id:x is declared in config.yaml:4 and 10.yaml:3")])
    }

    @Test("a repeat within a drop-in that shows only once its accounts are resolved")
    func repeatWithinDropIn() {
        let issues = mergeIssues(main: "accounts:\n  a: {}\n",
                                     dropIn: "agents:\n  - id: x\n  - id: x\n    account: a\n")
        #expect(issues == [ConfigIssue(location: ConfigLocation(file: "10.yaml", line: 3), keyPath: "agents",
                                       message: "agent a/id:x is declared in 10.yaml:2 and 10.yaml:3")])
    }

    @Test("a repeat with the same account: within a drop-in is refused by the parser")
    func repeatSameAccount() {
        let issues = mergeIssues(main: "accounts:\n  a: {}\n",
                                 dropIn: "agents:\n  - id: x\n    account: a\n  - id: x\n    account: a\n")
        #expect(issues.map(\.description) == ["10.yaml:4: agents[1]: agent a/id:x is declared in 10.yaml:2 and 10.yaml:4"])
    }
}
