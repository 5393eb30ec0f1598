import PresenceCore
import Testing

@Suite("ConfigParser.warnings")
struct ConfigWarningsTests {
    @Test("accounts reading the same key file share one rate limit")
    func sharedKeyFile() throws {
        let yaml = """
            accounts:
              a:
                api_key_file: /keys/shared
              b:
                api_key_file: /keys/own
              c:
                api_key_file: /keys/shared
              d:
              e:
              f:
                api_key_file: /keys/shared
            agents:
              - {id: x, account: a}
              - {id: x, account: b}
              - {id: x, account: c}
              - {id: x, account: d}
              - {id: x, account: e}
              - {id: x, account: f}
            """
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(ConfigParser.warnings(for: config) == [
            "config.yaml:6: accounts a, c and f read the same key file /keys/shared: they share one Brevo rate limit",
        ])
    }

    @Test("two accounts on one key file, and accounts without agents, in account order")
    func pairAndIdle() throws {
        let yaml = """
            accounts:
              a:
                api_key_file: k
              b:
                api_key_file: k
              c: {}
            agents:
              - {id: x, account: b, enabled: false}
            """
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(ConfigParser.warnings(for: config) == [
            "config.yaml:4: accounts a and b read the same key file k: they share one Brevo rate limit",
            "config.yaml:2: account a has no agents",
            "config.yaml:6: account c has no agents",
        ])
    }

    @Test("drop-in agents count once merged")
    func mergedAgents() throws {
        let main = try ConfigParser.parse("accounts:\n  a: {}\n  b: {}\nagents:\n  - {id: x, account: a}\n",
                                          file: "config.yaml")
        #expect(ConfigParser.warnings(for: main) == ["config.yaml:3: account b has no agents"])
        let dropIn = try ConfigParser.parseDropIn("agents:\n  - {id: y, account: b}\n", file: "10.yaml")
        let merged = try ConfigParser.merge(main: main, dropIns: [(file: "10.yaml", agents: dropIn)])
        #expect(ConfigParser.warnings(for: merged).isEmpty)
    }

    @Test("the one-account form has nothing to warn about, even without agents")
    func oneAccountForm() throws {
        #expect(ConfigParser.warnings(for: try ConfigParser.parse("brevo:\n  api_key_file: k\n", file: "c.yaml")).isEmpty)
        #expect(ConfigParser.warnings(for: PresenceConfig()).isEmpty)
    }

    @Test("a hand-built config without places gets bare lines")
    func withoutPlaces() {
        let config = PresenceConfig(accounts: [AccountSettings(name: "solo")])
        #expect(ConfigParser.warnings(for: config) == ["account solo has no agents"])
    }
}
