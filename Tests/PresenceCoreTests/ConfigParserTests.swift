import PresenceCore
import Testing

/// The issues `ConfigParser.parse` reports for `yaml`, or none when it is accepted.
func configParseIssues(_ yaml: String, file: String = "config.yaml") -> [ConfigIssue] {
    do {
        _ = try ConfigParser.parse(yaml, file: file)
        return []
    } catch {
        return error.issues
    }
}

/// Expects exactly one issue, at `line` of `file`, naming `keyPath`, whose message holds `fragment`.
func expectOneConfigIssue(
    _ yaml: String, keyPath: String, line: Int, mentions fragment: String, file: String = "config.yaml",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let issues = configParseIssues(yaml, file: file)
    #expect(issues.count == 1, "\(issues)", sourceLocation: sourceLocation)
    guard let issue = issues.first else { return }
    #expect(issue.location == ConfigLocation(file: file, line: line), "\(issue)", sourceLocation: sourceLocation)
    #expect(issue.keyPath == keyPath, "\(issue)", sourceLocation: sourceLocation)
    #expect(issue.message.contains(fragment), "\(issue)", sourceLocation: sourceLocation)
    #expect(issue.description.hasPrefix("\(file):\(line): \(keyPath)"), "\(issue)", sourceLocation: sourceLocation)
}

@Suite("ConfigParser: valid configs")
struct ConfigParserTests {
    static let designExample = """
        brevo:
          base_url: https://api.brevo.com/v3         # default
          api_key_file: /etc/agent-presenced/brevo-api-key
          # default: $CREDENTIALS_DIRECTORY/brevo-api-key (systemd LoadCredential=)
          received_from: agent-presenced             # optional tag sent as receivedFrom
        ping:
          interval: 60s                              # accepts ms, s, m; intervals down to 1s must work
          jitter: 2s
          timeout: 10s
          presence_window: 120s                      # how long Brevo keeps an agent online after a ping
        rate_limit:
          requests_per_hour: 100                     # optional: the account's budget
        status_file: /run/agent-presenced/status.json  # default: $RUNTIME_DIRECTORY/status.json
        agents_dir: /etc/agent-presenced/agents.d    # optional: more roster files, *.yaml, merged
        agents:
          - id: d9nKoegKSjmCtyK78
            label: Alice
          - email: liz@example.com
            name: Liz
            enabled: false
        """

    @Test("the DESIGN.md example parses to the expected model")
    func designExample() throws {
        let config = try ConfigParser.parse(Self.designExample, file: "/etc/agent-presenced/config.yaml")
        let file = "/etc/agent-presenced/config.yaml"
        let expected = PresenceConfig(
            brevo: BrevoSettings(baseURL: "https://api.brevo.com/v3",
                                 apiKeyFile: "/etc/agent-presenced/brevo-api-key",
                                 receivedFrom: "agent-presenced"),
            ping: PingSettings(interval: .seconds(60), jitter: .seconds(2), timeout: .seconds(10),
                               presenceWindow: .seconds(120), maxInFlight: 16),
            rateLimit: RateLimitSettings(requestsPerHour: 100),
            statusFile: "/run/agent-presenced/status.json",
            agentsDir: "/etc/agent-presenced/agents.d",
            agentsDirOptional: false,
            agents: [
                AgentSpec(identity: .id("d9nKoegKSjmCtyK78"), label: "Alice", enabled: true,
                          source: ConfigLocation(file: file, line: 16)),
                AgentSpec(identity: .email("liz@example.com", name: "Liz"), label: nil, enabled: false,
                          source: ConfigLocation(file: file, line: 18)),
            ]
        )
        #expect(config == expected)
    }

    @Test("an empty file, a comments-only file and a bare document are defaults with no agents",
          arguments: ["", "\n\n", "# nothing here yet\n  # still nothing\n", "---\n", "agents:\n", "agents: []\n"])
    func defaults(yaml: String) throws {
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(config == PresenceConfig())
        #expect(config.agents.isEmpty)
        #expect(config.ping.interval == .seconds(60))
        #expect(config.ping.jitter == .seconds(2))
        #expect(config.brevo.baseURL == BrevoSettings.defaultBaseURL)
        #expect(config.rateLimit.requestsPerHour == nil)
    }

    @Test("empty sections keep their defaults")
    func emptySections() throws {
        let config = try ConfigParser.parse("brevo:\nping:\nrate_limit:\n", file: "c.yaml")
        #expect(config == PresenceConfig())
    }

    @Test("without ping.jitter the default jitter for the interval is used")
    func defaultJitter() throws {
        let config = try ConfigParser.parse("ping:\n  interval: 5s\n", file: "c.yaml")
        #expect(config.ping.jitter == PingSettings.defaultJitter(for: .seconds(5)))
        #expect(config.ping.jitter == .milliseconds(500))
    }

    @Test("one-second intervals, booleans, numeric ids and agents_dir_optional are read")
    func otherValues() throws {
        let yaml = """
            ping:
              interval: 1s
              jitter: 250ms
              timeout: 1500ms
              presence_window: 2m
              max_in_flight: 4
            agents_dir: agents.d
            agents_dir_optional: true
            agents:
              - id: 12345
                enabled: yes
              - email: Liz@Example.com
                name: "  Liz  "
                label: Support
            """
        let config = try ConfigParser.parse(yaml, file: "c.yaml")
        #expect(config.ping == PingSettings(interval: .seconds(1), jitter: .milliseconds(250),
                                            timeout: .milliseconds(1500), presenceWindow: .seconds(120),
                                            maxInFlight: 4))
        #expect(config.agentsDir == "agents.d")
        #expect(config.agentsDirOptional)
        #expect(config.agents.map(\.identity) == [.id("12345"), .email("Liz@Example.com", name: "Liz")])
        #expect(config.agents.map(\.key) == [AgentKey("id:12345"), AgentKey("email:liz@example.com")])
        #expect(config.agents[1].label == "Support")
        #expect(config.agents.map(\.source?.line) == [10, 12])
    }

    @Test("drop-in files hold agents only; an empty drop-in is an empty list")
    func dropIns() throws {
        let agents = try ConfigParser.parseDropIn("agents:\n  - id: a1\n  - id: a2\n", file: "10-team.yaml")
        #expect(agents.map(\.key) == [AgentKey("id:a1"), AgentKey("id:a2")])
        #expect(agents.map(\.source) == [ConfigLocation(file: "10-team.yaml", line: 2),
                                          ConfigLocation(file: "10-team.yaml", line: 3)])
        #expect(try ConfigParser.parseDropIn("# empty\n", file: "x.yaml").isEmpty)
    }

    @Test("line(of:in:) finds the line of a key path")
    func lineOfKeyPath() {
        #expect(ConfigParser.line(of: "agents_dir", in: Self.designExample) == 14)
        #expect(ConfigParser.line(of: "ping.timeout", in: Self.designExample) == 9)
        #expect(ConfigParser.line(of: "ping.nothing", in: Self.designExample) == nil)
    }
}
