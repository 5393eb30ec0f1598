import PresenceCore
import Testing

/// A bot `b` at line 2 with every required key (lines 3 to 8), then `extra` lines from line 9,
/// indented under the bot; `fields` replaces a required key's value, or drops the key (`nil`).
func botConfig(_ fields: [String: String?] = [:], extra: [String] = []) -> String {
    let required = [
        ("base_url", "https://broker.example.com/eva-broker"),
        ("org", "6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f"),
        ("env", "0a9e8d7c-6b5a-4948-8372-615049382716"),
        ("bot", "47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9"),
        ("channel", "9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7"),
        ("locale", "en-US"),
    ]
    var lines = ["bots:", "  b:"]
    for (key, value) in required {
        if let given = fields[key] {
            if let given { lines.append("    \(key): \(given)") }
        } else {
            lines.append("    \(key): \(value)")
        }
    }
    return (lines + extra.map { "    " + $0 }).joined(separator: "\n") + "\n"
}

@Suite("ConfigParser: bots")
struct ConfigParserBotsTests {
    static let full = """
        bots:
          helpbot:
            base_url: https://broker.example.com/eva-broker
            org: 6C1F0D2E-3B4A-4C5D-8E9F-0A1B2C3D4E5F
            env: 0a9e8d7c-6b5a-4948-8372-615049382716
            bot: 47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9
            channel: 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7
            api_key_file: /etc/agent-presenced/broker-api-key
            locale: en-US
            os: Debian GNU/Linux
            user_ref: presence-probe
            auth:
              token_url: https://sso.example.com/auth/realms/acme/protocol/openid-connect/token
              client_id: presence
              client_secret_file: /etc/agent-presenced/broker-client-secret
            probe:
              text: hello bot
              expect: "(?i)hello"
              interval: 2m
              timeout: 15s
              down_after: 3
              up_after: 2
        agents:
          - id: Xb3kq9PzBot
            label: Help bot
            bot: helpbot
          - id: human
        """

    @Test("every key of a bot is read; UUIDs are kept in lower case")
    func full() throws {
        let config = try ConfigParser.parse(Self.full, file: "config.yaml")
        #expect(config.bots.count == 1)
        #expect(config.bots["helpbot"] == BotSettings(
            name: "helpbot", baseURL: "https://broker.example.com/eva-broker",
            org: "6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", env: "0a9e8d7c-6b5a-4948-8372-615049382716",
            bot: "47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9", channel: "9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7",
            apiKeyFile: "/etc/agent-presenced/broker-api-key", locale: "en-US", os: "Debian GNU/Linux",
            userRef: "presence-probe",
            auth: BotAuthSettings(
                tokenURL: "https://sso.example.com/auth/realms/acme/protocol/openid-connect/token",
                clientID: "presence", clientSecretFile: "/etc/agent-presenced/broker-client-secret"
            ),
            probe: ProbeSettings(text: "hello bot", expect: "(?i)hello", cadence: .init(
                interval: .seconds(120), timeout: .seconds(15), downAfter: 3, upAfter: 2
            )),
            source: ConfigLocation(file: "config.yaml", line: 2)
        ))
        #expect(config.agents.map(\.bot) == ["helpbot", nil])
        #expect(ConfigParser.warnings(for: config).isEmpty)
    }

    @Test("the defaults: os Linux, user_ref agent-presenced, no auth, the DESIGN probe")
    func defaults() throws {
        let config = try ConfigParser.parse(botConfig(), file: "config.yaml")
        let bot = try #require(config.bots["b"])
        #expect(bot.os == "Linux")
        #expect(bot.userRef == "agent-presenced")
        #expect(bot.apiKeyFile == nil)
        #expect(bot.auth == nil)
        #expect(bot.probe == ProbeSettings())
        #expect(bot.probe.text == "ping")
        #expect(bot.probe.expect == nil)
        #expect(bot.probe.cadence == ProbeSettings.Cadence(interval: .seconds(60), timeout: .seconds(10), downAfter: 2, upAfter: 1))
        #expect(bot.source == ConfigLocation(file: "config.yaml", line: 2))
        let empty = try ConfigParser.parse(botConfig(extra: ["probe:", "auth: {token_url: https://sso.example.com/t, client_id: c}"]),
                                           file: "config.yaml")
        #expect(empty.bots["b"]?.probe == ProbeSettings())
        #expect(empty.bots["b"]?.auth == BotAuthSettings(tokenURL: "https://sso.example.com/t", clientID: "c"))
    }

    @Test("an interval of 10s gets a default timeout of half of it, which fits")
    func shortestInterval() throws {
        let config = try ConfigParser.parse(botConfig(extra: ["probe:", "  interval: 10s"]), file: "config.yaml")
        #expect(config.bots["b"]?.probe.cadence.timeout == .seconds(5))
        let longest = try ConfigParser.parse(botConfig(extra: ["probe: {interval: 1h, timeout: 59m}"]), file: "config.yaml")
        #expect(longest.bots["b"]?.probe.cadence == .init(interval: .seconds(3600), timeout: .seconds(3540)))
    }

    @Test("no bots:, or an empty one, is no bots")
    func none() throws {
        #expect(try ConfigParser.parse("agents:\n  - id: x\n", file: "c.yaml").bots.isEmpty)
        #expect(try ConfigParser.parse("bots:\nagents:\n", file: "c.yaml").bots.isEmpty)
        #expect(try ConfigParser.parse("bots: {}\n", file: "c.yaml").bots.isEmpty)
    }

    @Test("several bots, with the accounts: form and schedules")
    func several() throws {
        let yaml = botConfig() + """
              other:
                base_url: http://127.0.0.1:8090
                org: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
                env: 0a9e8d7c-6b5a-4948-8372-615049382716
                bot: 47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9
                channel: 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7
                locale: fr-FR
            accounts:
              eu: {}
            schedules:
              office:
                timezone: UTC
            agents:
              - id: x
                bot: other
                schedule: office
              - id: y
                bot: b
                enabled: false
            """
        let config = try ConfigParser.parse(yaml, file: "config.yaml")
        #expect(config.bots.keys.sorted() == ["b", "other"])
        #expect(config.bots["other"]?.source?.line == 9)
        #expect(config.agents.map(\.bot) == ["other", "b"])
        #expect(config.agents.map(\.key.rawValue) == ["eu/id:x", "eu/id:y"])
    }
}
