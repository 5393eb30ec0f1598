import PresenceCore
import Testing

@Suite("ConfigParser: bot errors")
struct ConfigParserBotErrorsTests {
    @Test("org, env, bot and channel must be UUIDs", arguments: [
        ("org", 4, "6c1f"),
        ("env", 5, "0a9e8d7c-6b5a-4948-8372-61504938271"),
        ("bot", 6, "47d2c1b0a9f84e7db6c5d4e3f2a1b0c9"),
        ("channel", 7, "9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6eg"),
    ])
    func notUUID(key: String, line: Int, value: String) {
        expectOneConfigIssue(botConfig([key: value]), keyPath: "bots.b.\(key)", line: line,
                             mentions: "\"\(value)\" is not a UUID: expected the")
    }

    @Test("a missing required key is reported at the bot's name", arguments: [
        ("base_url", "a bot needs base_url: its Broker API's base URL"),
        ("org", "a bot needs org: the organisation's UUID"),
        ("channel", "a bot needs channel: the channel's UUID"),
        ("locale", "a bot needs locale: the LOCALE header of its probes, such as en-US"),
    ])
    func missing(key: String, message: String) {
        expectOneConfigIssue(botConfig([key: String?.none]), keyPath: "bots.b.\(key)", line: 2, mentions: message)
    }

    @Test("a bot without settings misses each required key")
    func bare() {
        let issues = configParseIssues("bots:\n  b:\n")
        #expect(issues.map(\.keyPath) == ["bots.b.base_url", "bots.b.org", "bots.b.env", "bots.b.bot", "bots.b.channel",
                                          "bots.b.locale"])
        #expect(issues.allSatisfy { $0.location == ConfigLocation(file: "config.yaml", line: 2) })
    }

    @Test("base_url and token_url are http or https URLs")
    func urls() {
        expectOneConfigIssue(botConfig(["base_url": "ftp://broker.example.com"]), keyPath: "bots.b.base_url", line: 3,
                             mentions: "expected an http or https URL with a host, such as https://broker.example.com/eva-broker, "
                                 + "found \"ftp://broker.example.com\"")
        expectOneConfigIssue(botConfig(["base_url": "broker.example.com"]), keyPath: "bots.b.base_url", line: 3,
                             mentions: "expected an http or https URL")
        expectOneConfigIssue(botConfig(extra: ["auth:", "  token_url: sso/token", "  client_id: c"]),
                             keyPath: "bots.b.auth.token_url", line: 10, mentions: "expected an http or https URL")
    }

    @Test("auth needs token_url and client_id, reported at auth:")
    func authRequired() {
        expectOneConfigIssue(botConfig(extra: ["auth:", "  token_url: https://sso.example.com/t"]),
                             keyPath: "bots.b.auth.client_id", line: 9, mentions: "auth needs client_id:")
        expectOneConfigIssue(botConfig(extra: ["auth:", "  client_id: c"]),
                             keyPath: "bots.b.auth.token_url", line: 9, mentions: "auth needs token_url:")
        #expect(configParseIssues(botConfig(extra: ["auth:"])).map(\.keyPath) == ["bots.b.auth.token_url", "bots.b.auth.client_id"])
    }

    @Test("header values hold no line break or control character", arguments: [
        ("os: \"Linux\\r\\nX-Evil: 1\"", "bots.b.os", 9, "contains a line break (U+000D) at character 6; a header value is one line"),
        ("user_ref: \"agent\\npresenced\"", "bots.b.user_ref", 9, "contains a line break (U+000A) at character 6"),
        ("os: \"Lin\\tux\"", "bots.b.os", 9, "contains a control character (U+0009) at character 4"),
        ("user_ref: agent-présenced", "bots.b.user_ref", 9, "contains a non-ASCII character (U+00E9) at character 9; header values are ASCII"),
    ])
    func headerValues(line: String, keyPath: String, at: Int, message: String) {
        expectOneConfigIssue(botConfig(extra: [line]), keyPath: keyPath, line: at, mentions: message)
    }

    @Test("locale and client_id are header values too; a locale has no spaces")
    func localeAndClientID() {
        expectOneConfigIssue(botConfig(["locale": "\"en-\\nUS\""]), keyPath: "bots.b.locale", line: 8,
                             mentions: "contains a line break (U+000A) at character 4")
        expectOneConfigIssue(botConfig(["locale": "en US"]), keyPath: "bots.b.locale", line: 8,
                             mentions: "contains a space at character 3")
        expectOneConfigIssue(botConfig(["locale": "\"\""]), keyPath: "bots.b.locale", line: 8, mentions: "must not be empty")
        expectOneConfigIssue(botConfig(extra: ["auth:", "  token_url: https://sso.example.com/t", "  client_id: \"pres\\nence\""]),
                             keyPath: "bots.b.auth.client_id", line: 11, mentions: "contains a line break (U+000A) at character 5")
    }

    @Test("expect must compile as a regular expression")
    func badExpect() {
        expectOneConfigIssue(botConfig(extra: ["probe:", "  expect: \"(unclosed\""]), keyPath: "bots.b.probe.expect", line: 10,
                             mentions: "\"(unclosed\" is not a valid regular expression: ")
        let issues = configParseIssues(botConfig(extra: ["probe:", "  expect: \"[z-a]\""]))
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("\n") == false)
    }

    @Test("probe durations and counts out of range", arguments: [
        ("interval: 5s", "bots.b.probe.interval", "must be between 10s and 1h, found 5s"),
        ("interval: 61m", "bots.b.probe.interval", "must be between 10s and 1h, found 61m"),
        ("interval: often", "bots.b.probe.interval", "expected a duration such as 60s"),
        ("timeout: 500ms", "bots.b.probe.timeout", "must be at least 1s, found 500ms"),
        ("timeout: 60s", "bots.b.probe.timeout", "must be shorter than bots.b.probe.interval (60s, the default), found 60s"),
        ("down_after: 0", "bots.b.probe.down_after", "must be between 1 and 20, found 0"),
        ("up_after: 21", "bots.b.probe.up_after", "must be between 1 and 20, found 21"),
        ("up_after: two", "bots.b.probe.up_after", "expected a whole number"),
        ("text: \"\"", "bots.b.probe.text", "must not be empty"),
        ("text: \(String(repeating: "a", count: 1001))", "bots.b.probe.text", "must be at most 1000 characters, found 1001"),
    ])
    func probeRanges(line: String, keyPath: String, message: String) {
        expectOneConfigIssue(botConfig(extra: ["probe:", "  " + line]), keyPath: keyPath, line: 10, mentions: message)
    }

    @Test("a timeout as long as the interval is refused at the timeout")
    func timeoutNotShorter() {
        expectOneConfigIssue(botConfig(extra: ["probe:", "  interval: 30s", "  timeout: 30s"]), keyPath: "bots.b.probe.timeout",
                             line: 11, mentions: "must be shorter than bots.b.probe.interval (30s), found 30s")
        expectOneConfigIssue(botConfig(extra: ["probe:", "  timeout: 2m", "  interval: 1m"]), keyPath: "bots.b.probe.timeout",
                             line: 10, mentions: "must be shorter than bots.b.probe.interval (60s), found 2m")
    }

    @Test("unknown keys get a suggestion, at every level")
    func unknownKeys() {
        expectOneConfigIssue(botConfig(extra: ["user-ref: x"]), keyPath: "bots.b.user-ref", line: 9,
                             mentions: "unknown key \"user-ref\"; did you mean \"user_ref\"?")
        expectOneConfigIssue(botConfig(extra: ["chanel: x"]), keyPath: "bots.b.chanel", line: 9,
                             mentions: "did you mean \"channel\"?")
        expectOneConfigIssue(botConfig(extra: ["probe:", "  intervall: 30s"]), keyPath: "bots.b.probe.intervall", line: 10,
                             mentions: "did you mean \"interval\"?")
        expectOneConfigIssue(botConfig(extra: ["auth:", "  token_url: https://sso.example.com/t", "  client_id: c", "  clientid: d"]),
                             keyPath: "bots.b.auth.clientid", line: 12, mentions: "did you mean \"client_id\"?")
        expectOneConfigIssue("bot:\n  b: {}\n", keyPath: "bot", line: 1, mentions: "did you mean \"bots\"?")
    }

    @Test("a secret written in the config is refused as such")
    func secretInConfig() {
        expectOneConfigIssue(botConfig(extra: ["api_key: abc"]), keyPath: "bots.b.api_key", line: 9,
                             mentions: "never goes in the config file")
        expectOneConfigIssue(botConfig(extra: ["auth:", "  token_url: https://sso.example.com/t", "  client_id: c", "  client_secret: s"]),
                             keyPath: "bots.b.auth.client_secret", line: 12, mentions: "never goes in the config file")
    }

    @Test("bad names and shapes")
    func shapes() {
        expectOneConfigIssue("bots:\n  Help Bot:\n    locale: en-US\n", keyPath: "bots.Help Bot", line: 2,
                             mentions: "\"Help Bot\" is not a valid bot name: use 1 to 32 lowercase letters")
        expectOneConfigIssue("bots:\n  \(String(repeating: "b", count: 33)): {}\n", keyPath: "bots.\(String(repeating: "b", count: 33))",
                             line: 2, mentions: "is not a valid bot name")
        expectOneConfigIssue("bots:\n  - helpbot\n", keyPath: "bots", line: 2, mentions: "expected a mapping of bots by name")
        expectOneConfigIssue("bots:\n  b: yes\n", keyPath: "bots.b", line: 2, mentions: "expected a mapping of settings")
        expectOneConfigIssue(botConfig(extra: ["probe: 60s"]), keyPath: "bots.b.probe", line: 9, mentions: "expected a mapping")
    }

    @Test("three mistakes, three issues, in file order")
    func several() {
        let issues = configParseIssues(botConfig(["org": "x"], extra: ["probe:", "  interval: 1s", "  down_after: 0"]))
        #expect(issues.map(\.keyPath) == ["bots.b.org", "bots.b.probe.interval", "bots.b.probe.down_after"])
        #expect(issues.map(\.location.line) == [4, 10, 11])
    }
}
