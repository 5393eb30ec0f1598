import Foundation
import Testing

/// `check` with bots: per bot its agents, Broker, probe and where its secrets come from (never
/// a secret); bot errors name line and key and exit 78.
@Suite struct CheckBotsTests {
    /// The shipped example with its `bots:` block and its bot agent uncommented, and
    /// every secret in a credentials folder as systemd would pass them.
    static func example() throws -> (folder: TemporaryFolder, config: String, environment: [String: String]) {
        let text = try String(contentsOfFile: "config/config.example.yaml", encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "# bots:"))
        var index = start
        while index < lines.count, lines[index].hasPrefix("#") {
            lines[index] = String(lines[index].dropFirst(2))
            index += 1
        }
        let agent = try #require(lines.firstIndex(of: "  # - id: Xb3kq9PzBot"))
        for index in agent..<agent + 3 { lines[index] = "  " + lines[index].dropFirst(4) }
        let folder = try TemporaryFolder()
        let config = try folder.write("config.yaml", lines.joined(separator: "\n"), mode: 0o644)
        try FileManager.default.createDirectory(atPath: folder.path + "/credentials", withIntermediateDirectories: true)
        for name in ["brevo-api-key", "broker-api-key_helpbot", "broker-client-secret_helpbot"] {
            _ = try folder.write("credentials/\(name)", "secret-of-\(name)\n")
        }
        return (folder, config, ["CREDENTIALS_DIRECTORY": folder.path + "/credentials"])
    }

    /// A config with the bot `helpbot` reading its key from `keyFile` and `agents`.
    static func config(_ folder: TemporaryFolder, keyFile: String, agents: String) throws -> String {
        let key = try folder.write("key", "brevo-key\n")
        return try folder.write("config.yaml", """
            brevo:
              api_key_file: \(key)
            bots:
              helpbot:
                base_url: http://127.0.0.1:8090/broker
                org: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
                env: 0a9e8d7c-6b5a-4948-8372-615049382716
                bot: 47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9
                channel: 9F31E2D4-C5B6-4A79-8E01-F2A3B4C5D6E7
                locale: en-US
                api_key_file: \(keyFile)
                probe:
                  interval: 30s
                  timeout: 5s
                  down_after: 3
            agents:
            \(agents)
            """, mode: 0o644)
    }

    @Test func theShippedBotExamplePrintsTheBotItsProbeAndWhereItsSecretsComeFrom() throws {
        let example = try Self.example()
        let result = try DaemonBinary.run(["check", "--config", example.config], environment: example.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = [
            "  bot helpbot: 1 enabled agent, 0 disabled",
            "    broker: https://broker.example.com/eva-broker, channel 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7, locale en-US",
            "    probe: every 60s, timeout 10s, down after 2 failed, up after 1 good; says \"ping\", expects \"(?i)hello\"",
            "    api key: systemd credential broker-api-key_helpbot",
            "    auth: https://sso.example.com/auth/realms/acme/protocol/openid-connect/token, client presence",
            "    client secret: systemd credential broker-client-secret_helpbot",
        ]
        #expect(result.stdout.contains(expected.joined(separator: "\n") + "\n"), "\(result.stdout)")
        #expect(!(result.stdout + result.stderr).contains("secret-of-"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func aBotWithItsOwnKeyFileCountsItsAgents() throws {
        let folder = try TemporaryFolder()
        let keyFile = try folder.write("broker-key", "broker-secret-123\n")
        let config = try Self.config(folder, keyFile: keyFile, agents: """
              - id: bot-a
                bot: helpbot
              - id: bot-b
                bot: helpbot
                enabled: false
              - id: human
            """)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  bot helpbot: 1 enabled agent, 1 disabled\n"), "\(result.stdout)")
        #expect(result.stdout.contains("channel 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7, locale en-US"), "\(result.stdout)")
        #expect(result.stdout.contains("    probe: every 30s, timeout 5s, down after 3 failed, up after 1 good; says \"ping\"\n"))
        #expect(result.stdout.contains("    api key: file \(keyFile)\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("client secret"))
        #expect(!(result.stdout + result.stderr).contains("broker-secret-123"))
    }

    @Test func aMissingBotKeyExits78NamingTheBotAndTheCredential() throws {
        let example = try Self.example()
        try FileManager.default.removeItem(atPath: example.folder.path + "/credentials/broker-api-key_helpbot")
        let result = try DaemonBinary.run(["check", "--config", example.config], environment: example.environment)
        #expect(result.status == 78)
        #expect(result.stderr.contains("bots.helpbot.api_key_file: no Broker API key for bot helpbot"), "\(result.stderr)")
        #expect(result.stderr.contains("credential broker-api-key_helpbot"))
        #expect(!result.stderr.contains("secret-of-"))
    }

    @Test func anAgentNamingAnUnknownBotExits78AndAnUnusedBotIsAWarning() throws {
        let folder = try TemporaryFolder()
        let keyFile = try folder.write("broker-key", "broker-secret-123\n")
        let unknown = try Self.config(folder, keyFile: keyFile, agents: "  - id: a1\n    bot: helpbt")
        let refused = try DaemonBinary.run(["check", "--config", unknown])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("config.yaml:18: agents[0].bot: agent id:a1 names bot \"helpbt\", "
            + "which the config does not declare; did you mean \"helpbot\"?"), "\(refused.stderr)")
        let unused = try Self.config(folder, keyFile: keyFile, agents: "  - id: a1")
        let warned = try DaemonBinary.run(["check", "--config", unused])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("warning: \(unused):4: bot helpbot is not used: no agent names it"), "\(warned.stderr)")
        #expect(warned.stdout.contains("  bot helpbot: 0 enabled agents, 0 disabled"))
    }

    @Test func aBadBotNamesItsLineAndKeyAndExits78() throws {
        let folder = try TemporaryFolder()
        let keyFile = try folder.write("broker-key", "broker-secret-123\n")
        let config = try Self.config(folder, keyFile: keyFile, agents: "  - id: a1\n    bot: helpbot")
        let text = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: "timeout: 5s", with: "timeout: 30s")
        try folder.write("config.yaml", text, mode: 0o644)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.yaml:14: bots.helpbot.probe.timeout: must be shorter than "
            + "bots.helpbot.probe.interval (30s), found 30s"), "\(result.stderr)")
    }
}
