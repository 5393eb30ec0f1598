import PresenceCore
import PresenceDaemon
import Testing

@Suite("ConfigLoader: the accounts: form")
struct ConfigLoaderAccountsTests {
    static let main = """
        accounts:
          support-eu:
            api_key_file: key
          support-us:
            api_key_file: key-us
        agents_dir: agents.d
        agents:
          - id: a1
            account: support-eu

        """

    @Test("drop-in agents are resolved against the main file's accounts")
    func resolved() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        try folder.write("key-us", "xkeysib-def456\n")
        try folder.write("agents.d/10-team.yaml", "agents:\n  - id: a1\n    account: support-us\n")
        let path = try folder.write("config.yaml", Self.main)
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.agents.map(\.key.rawValue) == ["support-eu/id:a1", "support-us/id:a1"])
    }

    @Test("a drop-in naming an unknown account fails with the drop-in's file and line")
    func unknownAccount() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        try folder.write("key-us", "xkeysib-def456\n")
        let dropIn = try folder.write("agents.d/10-team.yaml",
                                      "agents:\n  - id: b1\n    account: support-eu\n  - id: b2\n    account: suport-us\n")
        let path = try folder.write("config.yaml", Self.main)
        let issues = configLoadIssues(path)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.location == ConfigLocation(file: dropIn, line: 4))
        #expect(issues.first?.keyPath == "agents[1].account")
        #expect(issues.first?.message.contains("did you mean \"support-us\"?") == true)
    }
}
