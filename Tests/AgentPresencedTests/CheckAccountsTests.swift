import Foundation
import Testing

/// `check` on the `accounts:` form: a plan and a key source per account, never a key.
@Suite struct CheckAccountsTests {
    /// The shipped example, its keys in a credentials folder as systemd would pass them.
    static func example(credentials names: [String]) throws -> (folder: TemporaryFolder, config: String, environment: [String: String]) {
        let folder = try TemporaryFolder()
        let text = try String(contentsOfFile: "config/accounts.example.yaml", encoding: .utf8)
        let config = try folder.write("config.yaml", text, mode: 0o644)
        try FileManager.default.createDirectory(atPath: folder.path + "/credentials", withIntermediateDirectories: true)
        for name in names { _ = try folder.write("credentials/brevo-api-key_\(name)", "secret-of-\(name)\n") }
        return (folder, config, ["CREDENTIALS_DIRECTORY": folder.path + "/credentials"])
    }

    @Test func theShippedAccountsExamplePrintsAPlanAndAKeySourcePerAccount() throws {
        let example = try Self.example(credentials: ["support-eu", "support-us"])
        let result = try DaemonBinary.run(["check", "--config", example.config], environment: example.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("in 2 accounts"))
        #expect(result.stdout.contains("account support-eu: 1 enabled, 0 disabled"))
        #expect(result.stdout.contains("budget: 100 requests/hour: fits (60 requests/hour"), "\(result.stdout)")
        #expect(result.stdout.contains("api key: systemd credential brevo-api-key_support-eu"))
        #expect(result.stdout.contains("api key: systemd credential brevo-api-key_support-us"))
        #expect(!(result.stdout + result.stderr).contains("secret-of-"))
    }

    @Test func aMissingCredentialOfOneAccountExits78NamingIt() throws {
        let example = try Self.example(credentials: ["support-eu"])
        let result = try DaemonBinary.run(["check", "--config", example.config], environment: example.environment)
        #expect(result.status == 78)
        #expect(result.stderr.contains("no API key for account support-us"), "\(result.stderr)")
        #expect(result.stderr.contains("credential brevo-api-key_support-us"))
        #expect(result.stderr.contains("config.yaml:19:"), "the line of the account")
        #expect(result.stderr.contains("accounts.support-us.api_key_file"))
        #expect(!result.stderr.contains("support-eu.api_key_file"))
    }

    @Test func anAccountWhoseRosterCannotFitExits78AtItsBudgetKey() throws {
        let folder = try TemporaryFolder()
        let key = try folder.write("key", "k\n")
        let other = try folder.write("other-key", "o\n")
        let agents = (1...5).map { "  - id: tight-\($0)\n    account: tight" }.joined(separator: "\n")
        let config = try folder.write("config.yaml", """
            accounts:
              tight:
                api_key_file: \(key)
                requests_per_hour: 100
              roomy:
                api_key_file: \(other)
            agents:
            \(agents)
              - id: roomy-1
                account: roomy
            """, mode: 0o644)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.yaml:4"), "\(result.stderr)")
        #expect(result.stderr.contains("accounts.tight.requests_per_hour"))
        #expect(result.stderr.contains("account tight:"))
    }

    @Test func sharedKeyFilesAndAccountsWithoutAgentsAreWarnings() throws {
        let folder = try TemporaryFolder()
        let key = try folder.write("key", "k\n")
        let config = try folder.write("config.yaml", """
            accounts:
              one:
                api_key_file: \(key)
              two:
                api_key_file: \(key)
              idle:
                api_key_file: \(key)
            agents:
              - id: a
                account: one
              - id: a
                account: two
            """, mode: 0o644)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("share one Brevo rate limit"), "\(result.stderr)")
        #expect(result.stderr.contains("account idle has no agents"))
        #expect(result.stdout.contains("account idle: 0 enabled, 0 disabled"))
    }
}
