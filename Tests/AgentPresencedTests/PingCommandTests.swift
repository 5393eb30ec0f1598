import BrevoStandIn
import Foundation
import Testing

@Suite struct PingCommandTests {
    func setUp(key: String, standInKey: String) async throws -> (TemporaryFolder, BrevoStandIn, String) {
        let folder = try TemporaryFolder()
        let standIn = try await BrevoStandIn.start(apiKey: standInKey)
        try folder.write("key", key + "\n")
        let config = try folder.write("config.yaml", """
            brevo:
              base_url: \(standIn.baseURL)
              api_key_file: \(folder.path)/key
            agents:
              - id: agent-one
                label: One
              - email: two@example.com
                name: Two
            """, mode: 0o644)
        return (folder, standIn, config)
    }

    @Test func pingsOneAgentByLabelAndPrintsTheOutcome() async throws {
        let (folder, standIn, config) = try await setUp(key: "right", standInKey: "right")
        let result = try DaemonBinary.run(["ping", "One", "--config", config])
        try await standIn.shutdown()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("One: online, HTTP 201"))
        #expect(standIn.requests.map(\.agentId) == ["agent-one"])
        _ = folder
    }

    /// In a user namespace, with no capability in the host's (as under the unit's
    /// `PrivateUsers=yes`), a ping still goes out: the ping client sets no socket option that
    /// needs privilege (it once set SO_DEBUG by mistake, which only root outside a namespace may).
    @Test func aPingGoesOutFromAUserNamespaceWithoutCapabilities() async throws {
        let unshare = "/usr/bin/unshare"
        try #require(FileManager.default.isExecutableFile(atPath: unshare), "util-linux's unshare")
        let (folder, standIn, config) = try await setUp(key: "right", standInKey: "right")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unshare)
        process.arguments = ["--user", "--map-root-user", DaemonBinary.url.path, "ping", "One", "--config", config]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try await standIn.shutdown()
        #expect(process.terminationStatus == 0, "\(stdout)\(stderr)")
        #expect(stdout.contains("One: online, HTTP 201"), "\(stdout)")
        _ = folder
    }

    @Test func aRefusedKeyExitsOneWithBrevosAnswerAndNoKey() async throws {
        let (folder, standIn, config) = try await setUp(key: "wrong-key-value", standInKey: "right")
        let result = try DaemonBinary.run(["ping", "two@example.com", "--config", config])
        try await standIn.shutdown()
        #expect(result.status == 1)
        #expect(result.stdout.contains("HTTP 401"))
        #expect(!result.stdout.contains("wrong-key-value") && !result.stderr.contains("wrong-key-value"))
        _ = folder
    }

    @Test func anAgentOutsideTheRosterIsAUsageError() async throws {
        let (folder, standIn, config) = try await setUp(key: "right", standInKey: "right")
        let result = try DaemonBinary.run(["ping", "nobody@example.com", "--config", config])
        try await standIn.shutdown()
        #expect(result.status == 64)
        #expect(standIn.requests.isEmpty)
        _ = folder
    }

    @Test func inTheAccountsFormAPingUsesItsAgentsAccountKey() async throws {
        let folder = try TemporaryFolder()
        let standIn = try await BrevoStandIn.start(apiKeys: ["eu-key", "us-key"])
        try folder.write("eu", "eu-key\n")
        try folder.write("us", "us-key\n")
        let config = try folder.write("config.yaml", """
            accounts:
              eu:
                base_url: \(standIn.baseURL)
                api_key_file: \(folder.path)/eu
              us:
                base_url: \(standIn.baseURL)
                api_key_file: \(folder.path)/us
            agents:
              - id: same-id
                account: eu
              - id: same-id
                account: us
            """, mode: 0o644)
        let result = try DaemonBinary.run(["ping", "us/id:same-id", "--config", config])
        try await standIn.shutdown()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(account us): online"), "\(result.stdout)")
        #expect(standIn.requests.map(\.apiKey) == ["us-key"])
    }
}
