import Foundation
import PresenceCore
import PresenceDaemon
import Testing

@Suite("ConfigLoader: bots' secrets")
struct ConfigLoaderBotsTests {
    static let key = "broker-0123456789abcdef-SECRET"
    static let clientSecret = "client-0123456789abcdef-SECRET"

    /// A config whose Brevo key is `key`, with a bot `helpbot` at line 3 holding `extra` lines
    /// (from line 10) and an agent using it.
    static func config(_ extra: String...) -> String {
        """
        brevo: {api_key_file: key}
        bots:
          helpbot:
            base_url: https://broker.example.com/eva-broker
            org: 6c1f0d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f
            env: 0a9e8d7c-6b5a-4948-8372-615049382716
            bot: 47d2c1b0-a9f8-4e7d-b6c5-d4e3f2a1b0c9
            channel: 9f31e2d4-c5b6-4a79-8e01-f2a3b4c5d6e7
            locale: en-US

        """ + extra.map { "    \($0)\n" }.joined() + "agents:\n  - id: a1\n    bot: helpbot\n"
    }

    static let auth = ["auth:", "  token_url: https://sso.example.com/token", "  client_id: presence"]

    /// A folder holding the Brevo key.
    static func folder() throws -> ConfigTestFolder {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        return folder
    }

    @Test("the Broker key and the client secret are read from their files, relative to the config")
    func fromFiles() throws {
        let folder = try Self.folder()
        try folder.write("broker.key", Self.key + "\n")
        let secretFile = try folder.write("client.secret", Self.clientSecret + "\n")
        let path = try folder.write("config.yaml", Self.config(
            "api_key_file: broker.key", "auth:", "  token_url: https://sso.example.com/token", "  client_id: presence",
            "  client_secret_file: \(secretFile)"
        ))
        let loaded = try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": "/nonexistent"])
        #expect(loaded.botSecrets == ["helpbot": BotSecrets(apiKey: Self.key, clientSecret: Self.clientSecret)])
        #expect(loaded.botKeySources["helpbot"] == BotKeySources(apiKey: .file(folder.path + "/broker.key"),
                                                                 clientSecret: .file(secretFile)))
        #expect(loaded.warnings.isEmpty)
    }

    @Test("by default they are the systemd credentials broker-api-key_<bot> and broker-client-secret_<bot>")
    func fromCredentials() throws {
        let folder = try Self.folder()
        try folder.write("credentials/broker-api-key_helpbot", Self.key)
        try folder.write("credentials/broker-client-secret_helpbot", Self.clientSecret + "\r\n")
        let path = try folder.write("config.yaml", Self.config(Self.auth[0], Self.auth[1], Self.auth[2]))
        let credentials = folder.path + "/credentials"
        let loaded = try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": credentials])
        #expect(loaded.botSecrets["helpbot"]?.apiKey == Self.key)
        #expect(loaded.botSecrets["helpbot"]?.clientSecret == Self.clientSecret)
        let sources = try #require(loaded.botKeySources["helpbot"])
        #expect(sources.apiKey == .credential(name: "broker-api-key_helpbot", path: credentials + "/broker-api-key_helpbot"))
        #expect("\(sources.apiKey)" == "systemd credential broker-api-key_helpbot")
        #expect("\(sources.clientSecret!)" == "systemd credential broker-client-secret_helpbot")
    }

    @Test("a bot without auth: has no client secret")
    func noAuth() throws {
        let folder = try Self.folder()
        try folder.write("broker.key", Self.key)
        let path = try folder.write("config.yaml", Self.config("api_key_file: broker.key"))
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.botSecrets["helpbot"] == BotSecrets(apiKey: Self.key))
        #expect(loaded.botKeySources["helpbot"]?.clientSecret == nil)
    }

    @Test("a missing Broker key names the bot, the credential and where it looked, at the bot's line")
    func missingKey() throws {
        let folder = try Self.folder()
        let path = try folder.write("config.yaml", Self.config())
        let unset = configLoadIssues(path)
        #expect(unset.count == 1, "\(unset)")
        #expect(unset.first?.location == ConfigLocation(file: path, line: 3))
        #expect(unset.first?.keyPath == "bots.helpbot.api_key_file")
        #expect(unset.first?.message == "no Broker API key for bot helpbot: set bots.helpbot.api_key_file, or run under "
            + "systemd with LoadCredential=broker-api-key:<folder> holding a file named helpbot (systemd passes it as "
            + "the credential broker-api-key_helpbot; CREDENTIALS_DIRECTORY is not set)")
        try folder.write("credentials/broker-api-key_otherbot", Self.key)
        let absent = configLoadIssues(path, environment: ["CREDENTIALS_DIRECTORY": folder.path + "/credentials"])
        #expect(absent.map(\.keyPath) == ["bots.helpbot.api_key_file"])
        #expect(absent.first?.message.hasSuffix("(systemd passes it as the credential broker-api-key_helpbot; "
            + "CREDENTIALS_DIRECTORY has no such file)") == true, "\(absent)")
    }

    @Test("a missing client secret is reported at auth:, and a missing key file at the file")
    func missingSecretAndFile() throws {
        let folder = try Self.folder()
        let path = try folder.write("config.yaml", Self.config(
            "api_key_file: /nonexistent/broker.key", Self.auth[0], Self.auth[1], Self.auth[2]
        ))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["bots.helpbot.api_key_file", "bots.helpbot.auth.client_secret_file"], "\(issues)")
        #expect(issues.first?.description == "/nonexistent/broker.key: bots.helpbot.api_key_file: "
            + "the Broker API key file does not exist")
        #expect(issues.last?.location == ConfigLocation(file: path, line: 11))
        #expect(issues.last?.message.hasPrefix("no client secret for bot helpbot: set bots.helpbot.auth.client_secret_file, "
            + "or run under systemd with LoadCredential=broker-client-secret:<folder>") == true, "\(issues)")
    }

    @Test("bad secret files are refused naming the file and the kind, never the secret", arguments: [
        (key + "\n" + key + "\n", "the Broker API key file holds more than one line; it must hold the key alone"),
        ("broker-0123\nabcdef-SECRET", "the Broker API key file holds more than one line"),
        ("broker-0123" + "\u{1}" + "abcdef-SECRET", "contains a control character (U+0001) at character 12;"),
        ("", "the Broker API key file is empty"),
        ("BROKER_KEY=" + key, "looks like a NAME=value line (\"=\" at character 11)"),
        (key + " x", "the Broker API key in this file contains a space at character 31; it must hold the key alone"),
    ])
    func badKeyFiles(contents: String, fragment: String) throws {
        let folder = try Self.folder()
        let file = try folder.write("broker.key", contents)
        let path = try folder.write("config.yaml", Self.config("api_key_file: broker.key"))
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: file))
        #expect(issues.first?.keyPath == "bots.helpbot.api_key_file")
        #expect(issues.first?.message.contains(fragment) == true, "\(issues)")
        for part in ["SECRET", "0123456789", "abcdef"] {
            #expect(issues.allSatisfy { !$0.description.contains(part) }, "\(issues)")
        }
    }

    @Test("a client secret with an inner newline is refused at its file, without quoting it")
    func badClientSecret() throws {
        let folder = try Self.folder()
        try folder.write("broker.key", Self.key)
        let file = try folder.write("client.secret", "client-0123\n456789abcdef-SECRET\n")
        let path = try folder.write("config.yaml", Self.config(
            "api_key_file: broker.key", Self.auth[0], Self.auth[1], Self.auth[2], "  client_secret_file: client.secret"
        ))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == [
            "\(file): bots.helpbot.auth.client_secret_file: the client secret file holds more than one line; "
                + "it must hold the secret alone",
        ])
    }

    @Test("base64 padding may end a Broker secret")
    func padding() throws {
        let folder = try Self.folder()
        try folder.write("broker.key", "c2VjcmV0IGtleQ==\n")
        let path = try folder.write("config.yaml", Self.config("api_key_file: broker.key"))
        #expect(try ConfigLoader.load(path: path, environment: [:]).botSecrets["helpbot"]?.apiKey == "c2VjcmV0IGtleQ==")
    }

    @Test("a secret file that group or others can read is a warning naming the bot")
    func readableByOthers() throws {
        let folder = try Self.folder()
        let file = try folder.write("broker.key", Self.key + "\n", mode: 0o640)
        let path = try folder.write("config.yaml", Self.config("api_key_file: broker.key"))
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.warnings == ["bot helpbot: the Broker API key file \(file) can be read by group or others "
            + "(mode 0640); run chmod 600 on it or use a systemd credential"])
    }

    @Test("a config that loaded is refused once a bot's key is gone, as a reload would be")
    func reloadRefused() throws {
        let folder = try Self.folder()
        let file = try folder.write("broker.key", Self.key)
        let path = try folder.write("config.yaml", Self.config("api_key_file: broker.key"))
        #expect(try ConfigLoader.load(path: path, environment: [:]).botSecrets.count == 1)
        try FileManager.default.removeItem(atPath: file)
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == ["\(file): bots.helpbot.api_key_file: the Broker API key file does not exist"])
    }

    @Test("without reading keys (ExecReload), only the sources are resolved")
    func notReading() throws {
        let folder = try Self.folder()
        let path = try folder.write("config.yaml", Self.config(Self.auth[0], Self.auth[1], Self.auth[2]))
        let loaded = try ConfigLoader.load(path: path, environment: [:], readingAPIKey: false)
        #expect(loaded.botSecrets["helpbot"] == BotSecrets(apiKey: "", clientSecret: ""))
        #expect(loaded.botKeySources["helpbot"] == BotKeySources(apiKey: .missing(credentialName: "broker-api-key_helpbot"),
                                                                 clientSecret: .missing(credentialName: "broker-client-secret_helpbot")))
    }

    @Test("a status file may not overwrite a bot's secret")
    func statusFileOnSecret() throws {
        let folder = try Self.folder()
        try folder.write("broker.key", Self.key)
        let path = try folder.write("config.yaml", "status_file: broker.key\n" + Self.config("api_key_file: broker.key"))
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["status_file"])
        #expect(issues.first?.message.contains("is an API key file") == true, "\(issues)")
    }

    @Test("the secrets never print")
    func redacted() {
        let secrets = BotSecrets(apiKey: Self.key, clientSecret: Self.clientSecret)
        #expect("\(secrets)" == "<redacted>")
        #expect(String(reflecting: secrets) == "<redacted>")
        var dumped = ""
        dump(secrets, to: &dumped)
        #expect(!dumped.contains("SECRET"))
        #expect(!"\(["helpbot": secrets])".contains("SECRET"))
    }
}
