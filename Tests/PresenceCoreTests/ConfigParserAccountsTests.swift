import PresenceCore
import Testing

@Suite("ConfigParser: the accounts: form")
struct ConfigParserAccountsTests {
    static let example = """
        accounts:
          support-us:
            base_url: https://eu.example.com/v3
            api_key_file: /etc/agent-presenced/keys/support-us
            received_from: presenced
            requests_per_hour: 600
            schedule: paris-office
          support-eu: {}
          zz:
        agents:
          - id: a1
            account: support-us
          - email: liz@example.com
            name: Liz
            account: support-eu
          - id: a1
            account: support-eu
        schedules:
          paris-office:
            timezone: Europe/Paris
        """

    @Test("accounts are read in file order with their settings, and agent keys carry the account")
    func valid() throws {
        let config = try ConfigParser.parse(Self.example, file: "config.yaml")
        #expect(config.namesAccounts)
        #expect(config.accounts.map(\.name) == ["support-us", "support-eu", "zz"])
        #expect(config.accounts[0] == AccountSettings(
            name: "support-us",
            brevo: BrevoSettings(baseURL: "https://eu.example.com/v3",
                                 apiKeyFile: "/etc/agent-presenced/keys/support-us", receivedFrom: "presenced"),
            rateLimit: RateLimitSettings(requestsPerHour: 600),
            schedule: "paris-office",
            source: ConfigLocation(file: "config.yaml", line: 2)
        ))
        #expect(config.accounts[1] == AccountSettings(name: "support-eu", source: ConfigLocation(file: "config.yaml", line: 8)))
        #expect(config.accounts[2] == AccountSettings(name: "zz", source: ConfigLocation(file: "config.yaml", line: 9)))
        #expect(config.agents.map(\.key.rawValue) == ["support-us/id:a1", "support-eu/email:liz@example.com",
                                                      "support-eu/id:a1"])
        #expect(config.agents.map(\.account) == ["support-us", "support-eu", "support-eu"])
        #expect(config.agents.map(\.source?.line) == [11, 13, 16])
    }

    @Test("with one account, an agent without account: belongs to it")
    func onlyAccount() throws {
        let config = try ConfigParser.parse("accounts:\n  solo: ~\nagents:\n  - id: x\n", file: "config.yaml")
        #expect(config.accounts.map(\.name) == ["solo"])
        #expect(config.agents.map(\.key.rawValue) == ["solo/id:x"])
        #expect(config.agents.first?.account == "solo")
    }

    @Test("the one-account form keeps its keys and its one account named default")
    func oneAccountForm() throws {
        let config = try ConfigParser.parse(ConfigParserTests.designExample, file: "config.yaml")
        #expect(!config.namesAccounts)
        #expect(config.accounts.map(\.name) == ["default"])
        #expect(config.agents.map(\.key.rawValue) == ["id:d9nKoegKSjmCtyK78", "email:liz@example.com"])
        #expect(config.agents.allSatisfy { $0.account == nil })
    }

    @Test("in the one-account form, account: default is allowed and dropped")
    func defaultAccountNamed() throws {
        let config = try ConfigParser.parse("agents:\n  - id: x\n    account: default\n", file: "config.yaml")
        #expect(config.agents.map(\.key.rawValue) == ["id:x"])
        #expect(config.agents.first?.account == nil)
    }

    @Test("an account name that is not [a-z0-9][a-z0-9_-]{0,31}", arguments: [
        "Support", "-lead", "_lead", "a.b", "support eu", String(repeating: "a", count: 33),
    ])
    func badName(name: String) {
        expectOneConfigIssue("accounts:\n  \"\(name)\": {}\n", keyPath: "accounts.\(name)", line: 2,
                             mentions: "is not a valid account name")
    }

    @Test("a name of 32 characters, digits, - and _ is fine")
    func longestName() throws {
        let name = "0a_-" + String(repeating: "z", count: 28)
        let config = try ConfigParser.parse("accounts:\n  \(name): {}\n", file: "config.yaml")
        #expect(config.accounts.map(\.name) == [name])
    }

    @Test("an account name that looks like an API key is not echoed")
    func secretName() {
        let yaml = "accounts:\n  xkeysib-0123456789abcdef: {}\n"
        expectOneConfigIssue(yaml, keyPath: "accounts", line: 2, mentions: "the API key never goes in the config file")
        #expect(configParseIssues(yaml).allSatisfy { !$0.description.contains("0123456789abcdef") })
    }

    @Test("an account declared twice, however quoted")
    func repeatedAccount() {
        expectOneConfigIssue("accounts:\n  a: {}\n  'a': {}\n", keyPath: "a", line: 2, mentions: "lines 2 and 3")
    }

    @Test("accounts: naming no account", arguments: ["accounts: {}\n", "accounts:\n", "agents: []\naccounts: ~\n"])
    func noAccount(yaml: String) {
        let line = yaml.hasPrefix("agents") ? 2 : 1
        expectOneConfigIssue(yaml, keyPath: "accounts", line: line, mentions: "names no account")
    }

    @Test("accounts: that is not a mapping, and an account that is not one")
    func wrongShapes() {
        expectOneConfigIssue("accounts:\n  - support-eu\n", keyPath: "accounts", line: 2,
                             mentions: "expected a mapping of accounts by name")
        expectOneConfigIssue("accounts:\n  a: 5\n", keyPath: "accounts.a", line: 2, mentions: "expected a mapping")
        expectOneConfigIssue("accounts:\n  ~: {}\n", keyPath: "accounts", line: 2,
                             mentions: "account names must be plain names, found nothing")
    }

    @Test("an account's settings are checked like brevo: and rate_limit:")
    func settingsChecked() {
        expectOneConfigIssue("accounts:\n  a:\n    requests_per_hr: 5\n", keyPath: "accounts.a.requests_per_hr",
                             line: 3, mentions: "unknown key \"requests_per_hr\"; did you mean \"requests_per_hour\"?")
        expectOneConfigIssue("accounts:\n  a:\n    requests_per_hour: 0\n", keyPath: "accounts.a.requests_per_hour",
                             line: 3, mentions: "must be at least 1, found 0")
        expectOneConfigIssue("accounts:\n  a:\n    requests_per_hour: 1000001\n",
                             keyPath: "accounts.a.requests_per_hour", line: 3,
                             mentions: "must be between 1 and 1000000, found 1000001")
        expectOneConfigIssue("accounts:\n  a:\n    base_url: ftp://x\n", keyPath: "accounts.a.base_url", line: 3,
                             mentions: "expected an http or https URL")
        expectOneConfigIssue("accounts:\n  a:\n    schedule: []\n", keyPath: "accounts.a.schedule", line: 3,
                             mentions: "expected a text value")
        expectOneConfigIssue("accounts:\n  a:\n    api_key: xyz\n", keyPath: "accounts.a.api_key", line: 3,
                             mentions: "the API key never goes in the config file")
    }

    @Test("brevo: or rate_limit: next to accounts: is refused at the accounts line", arguments: [
        "brevo:\n  api_key_file: k\naccounts:\n  a: {}\n", "rate_limit:\n  requests_per_hour: 5\naccounts:\n  a: {}\n",
    ])
    func bothForms(yaml: String) {
        expectOneConfigIssue(yaml, keyPath: "accounts", line: 3,
                             mentions: "use one form: brevo: and rate_limit: for one account, or accounts: for several")
    }

    @Test("an agent without account: when there are several accounts")
    func agentWithoutAccount() {
        expectOneConfigIssue("accounts:\n  a: {}\n  b: {}\nagents:\n  - id: x\n    label: X\n",
                             keyPath: "agents[0].account", line: 5,
                             mentions: "agent id:x has no account: and the config names 2 accounts (a, b)")
    }

    @Test("an agent naming an account that is not declared lists the accounts")
    func unknownAccount() {
        let yaml = "accounts:\n  support-eu: {}\n  support-us: {}\nagents:\n  - id: ok\n    account: support-eu\n"
        expectOneConfigIssue(yaml + "  - id: x\n    account: suport-us\n", keyPath: "agents[1].account", line: 7,
                             mentions: "names account \"suport-us\", which the config does not declare; "
                                 + "did you mean \"support-us\"? (accounts: support-eu, support-us)")
        expectOneConfigIssue(yaml + "  - id: x\n    account: sales\n", keyPath: "agents[1].account", line: 7,
                             mentions: "does not declare (accounts: support-eu, support-us)")
    }

    @Test("account: in the one-account form is refused unless it is default")
    func accountWithoutAccounts() {
        expectOneConfigIssue("agents:\n  - id: x\n    account: sales\n", keyPath: "agents[0].account", line: 2,
                             mentions: "agent id:x names account \"sales\", but the config declares no accounts:")
    }

    @Test("the same agent twice in one account is a repeat, even when one names the account and one does not")
    func repeatInOneAccount() {
        expectOneConfigIssue("accounts:\n  a: {}\nagents:\n  - id: x\n  - id: x\n    account: a\n",
                             keyPath: "agents[1]", line: 5,
                             mentions: "agent a/id:x is declared in config.yaml:4 and config.yaml:5")
        expectOneConfigIssue("agents:\n  - id: x\n  - id: x\n    account: default\n", keyPath: "agents[1]", line: 3,
                             mentions: "agent id:x is declared in config.yaml:2 and config.yaml:3")
    }
}
