import PresenceCore
import Testing

@Suite("ConfigParser: errors name file, line and key path")
struct ConfigParserErrorTests {
    @Test("malformed YAML is one issue with its line")
    func malformedYAML() {
        let yaml = "ping:\n  interval: 60s\n  jitter: [2s\nagents:\n"
        let issues = configParseIssues(yaml, file: "/etc/a/config.yaml")
        #expect(issues.count == 1)
        #expect(issues.first?.location.file == "/etc/a/config.yaml")
        #expect(issues.first?.location.line != nil)
        #expect(issues.first?.message.hasPrefix("malformed YAML") == true)
        expectOneConfigIssue("ping:\n  interval: 60s\n   jitter: 2s\n", keyPath: "", line: 3, mentions: "malformed YAML")
    }

    @Test("a second document and tab indentation get plain explanations")
    func yamlHints() {
        expectOneConfigIssue("agents:\n---\nping:\n", keyPath: "", line: 2, mentions: "only one document is allowed")
        expectOneConfigIssue("ping:\n\tinterval: 60s\n", keyPath: "", line: 2, mentions: "does not allow tabs")
    }

    @Test("a repeated mapping key is an issue naming both lines")
    func duplicateKeys() {
        expectOneConfigIssue("ping:\n  interval: 60s\n  timeout: 5s\n  interval: 30s\n",
                             keyPath: "interval", line: 2, mentions: "lines 2 and 4")
    }

    @Test("a top level that is not a mapping")
    func topLevelList() {
        expectOneConfigIssue("- id: abc\n", keyPath: "", line: 1, mentions: "expected a mapping")
    }

    @Test("a mapping where a scalar is expected")
    func mappingForScalar() {
        expectOneConfigIssue("status_file:\n  path: /run/x.json\n", keyPath: "status_file", line: 2,
                             mentions: "expected a text value, found a mapping")
    }

    @Test("a scalar where a section is expected")
    func scalarForSection() {
        expectOneConfigIssue("ping: 60s\n", keyPath: "ping", line: 1, mentions: "expected a mapping")
    }

    @Test("a boolean that is not one")
    func badBool() {
        expectOneConfigIssue("agents:\n  - id: a\n    enabled: maybe\n", keyPath: "agents[0].enabled", line: 3,
                             mentions: "expected true or false, found \"maybe\"")
        expectOneConfigIssue("agents_dir_optional: \"true\"\n", keyPath: "agents_dir_optional", line: 1,
                             mentions: "expected true or false")
    }

    @Test("a number that is not one")
    func badNumber() {
        expectOneConfigIssue("ping:\n  max_in_flight: lots\n", keyPath: "ping.max_in_flight", line: 2,
                             mentions: "expected a whole number, found \"lots\"")
        expectOneConfigIssue("rate_limit:\n  requests_per_hour: 1.5\n", keyPath: "rate_limit.requests_per_hour",
                             line: 2, mentions: "expected a whole number")
    }

    @Test("an unknown key, with the closest known key suggested")
    func unknownKeys() {
        expectOneConfigIssue("ping:\n  intervall: 60s\n", keyPath: "ping.intervall", line: 2,
                             mentions: "unknown key \"intervall\"; did you mean \"interval\"?")
        expectOneConfigIssue("agent:\n  - id: a\n", keyPath: "agent", line: 1, mentions: "did you mean \"agents\"?")
        expectOneConfigIssue("colour: blue\n", keyPath: "colour", line: 1, mentions: "expected one of: brevo, ping")
        expectOneConfigIssue("agents:\n  - id: a\n    lable: A\n", keyPath: "agents[0].lable", line: 3,
                             mentions: "did you mean \"label\"?")
    }

    @Test("a secret in the config file is refused without echoing it", arguments: [
        ("brevo:\n  api_key: xyz-123-secret\n", "brevo.api_key", 2),
        ("api_key: xyz-123-secret\n", "api_key", 1),
        ("brevo:\n  token: xyz-123-secret\n", "brevo.token", 2),
        ("brevo:\n  received_from: xkeysib-123-secret\n", "brevo.received_from", 2),
    ])
    func secrets(yaml: String, keyPath: String, line: Int) {
        expectOneConfigIssue(yaml, keyPath: keyPath, line: line, mentions: "the API key never goes in the config file")
        #expect(configParseIssues(yaml).allSatisfy { !$0.description.contains("123-secret") })
    }

    @Test("a malformed duration", arguments: ["60", "sixty", "1 m", "[60s]"])
    func badDuration(value: String) {
        expectOneConfigIssue("ping:\n  interval: \(value)\n", keyPath: "ping.interval", line: 2,
                             mentions: "expected a duration such as 60s, 1500ms or 2m")
    }

    @Test("ping.interval outside 1s ... 10m", arguments: ["500ms", "0s", "-5s", "11m"])
    func intervalRange(value: String) {
        expectOneConfigIssue("ping:\n  interval: \(value)\n  presence_window: 20m\n", keyPath: "ping.interval",
                             line: 2, mentions: "must be between 1s and 10m")
    }

    @Test("ping.interval longer than ping.presence_window")
    func intervalBeyondWindow() {
        expectOneConfigIssue("ping:\n  interval: 3m\n", keyPath: "ping.interval", line: 2,
                             mentions: "is longer than ping.presence_window (2m)")
        expectOneConfigIssue("ping:\n  presence_window: 30s\n", keyPath: "ping.presence_window", line: 2,
                             mentions: "ping.interval (60s) is longer than ping.presence_window (30s)")
    }

    @Test("ping.jitter more than a quarter of the interval, or negative")
    func jitter() {
        expectOneConfigIssue("ping:\n  interval: 10s\n  jitter: 3s\n", keyPath: "ping.jitter", line: 3,
                             mentions: "at most a quarter of ping.interval (2.5s)")
        expectOneConfigIssue("ping:\n  jitter: -1s\n", keyPath: "ping.jitter", line: 2, mentions: "negative")
        #expect(configParseIssues("ping:\n  interval: 10s\n  jitter: 2.5s\n").isEmpty)
    }

    @Test("ping.timeout must be positive and within the presence window")
    func timeout() {
        expectOneConfigIssue("ping:\n  timeout: 0s\n", keyPath: "ping.timeout", line: 2, mentions: "longer than 0s")
        expectOneConfigIssue("ping:\n  timeout: 3m\n", keyPath: "ping.timeout", line: 2,
                             mentions: "must not be longer than ping.presence_window (2m)")
        expectOneConfigIssue("ping:\n  interval: 5s\n  presence_window: 8s\n", keyPath: "ping.presence_window",
                             line: 3, mentions: "must not be shorter than ping.timeout (10s")
    }

    @Test("counts below one")
    func counts() {
        expectOneConfigIssue("ping:\n  max_in_flight: 0\n", keyPath: "ping.max_in_flight", line: 2,
                             mentions: "must be at least 1")
        expectOneConfigIssue("rate_limit:\n  requests_per_hour: 0\n", keyPath: "rate_limit.requests_per_hour",
                             line: 2, mentions: "must be at least 1")
    }

    @Test("base_url must be http or https with a host", arguments: [
        "ftp://api.brevo.com/v3", "api.brevo.com/v3", "https://", "https:///v3", "not a url",
    ])
    func baseURL(value: String) {
        expectOneConfigIssue("brevo:\n  base_url: \(value)\n", keyPath: "brevo.base_url", line: 2,
                             mentions: "expected an http or https URL with a host")
    }

    @Test("http base URLs with a port are fine (the local stand-in)")
    func localBaseURL() throws {
        let config = try ConfigParser.parse("brevo:\n  base_url: http://127.0.0.1:8080/v3\n", file: "c.yaml")
        #expect(config.brevo.baseURL == "http://127.0.0.1:8080/v3")
    }

    @Test("empty values", arguments: [
        ("brevo:\n  received_from: \"\"\n", "brevo.received_from", "must not be empty"),
        ("brevo:\n  received_from:\n", "brevo.received_from", "needs a value"),
        ("brevo:\n  api_key_file: \"  \"\n", "brevo.api_key_file", "must not be empty"),
    ])
    func emptyValues(yaml: String, keyPath: String, fragment: String) {
        expectOneConfigIssue(yaml, keyPath: keyPath, line: 2, mentions: fragment)
    }

    @Test("every problem is reported at once, in file order")
    func collectsAll() {
        let yaml = """
            ping:
              interval: 60
              max_in_flight: lots
            agents:
              - email: liz@example
                name: Liz
            """
        let issues = configParseIssues(yaml, file: "all.yaml")
        #expect(issues.map(\.keyPath) == ["ping.interval", "ping.max_in_flight", "agents[0].email"])
        #expect(issues.map(\.location.line) == [2, 3, 5])
        #expect(issues.allSatisfy { $0.location.file == "all.yaml" })
    }
}
