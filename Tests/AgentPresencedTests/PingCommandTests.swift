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
