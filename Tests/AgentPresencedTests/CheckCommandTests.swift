import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func aGoodConfigPrintsASummaryAndExitsZero() throws {
        let folder = try TemporaryFolder()
        let key = try folder.write("key", "secret-key-123\n")
        let config = try folder.write("config.yaml", """
            brevo:
              api_key_file: \(key)
            ping:
              interval: 30s
            agents:
              - id: a1
              - id: a2
              - email: liz@example.com
                name: Liz
                enabled: false
            """, mode: 0o644)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 enabled, 1 disabled"))
        #expect(result.stdout.contains("240 requests/hour"))
        #expect(!result.stdout.contains("secret-key-123") && !result.stderr.contains("secret-key-123"))
    }

    @Test func aBadConfigNamesFileLineAndKeyAndExits78() throws {
        let folder = try TemporaryFolder()
        let key = try folder.write("key", "k\n")
        let config = try folder.write("config.yaml", """
            brevo:
              api_key_file: \(key)
            agents:
              - id: a1
              - email: "liz@"
                name: Liz
            """, mode: 0o644)
        let result = try DaemonBinary.run(["check", "--config", config])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.yaml:5"), "\(result.stderr)")
        #expect(result.stderr.contains("agents[1].email"))
    }

    @Test func aMissingConfigExits78() throws {
        let result = try DaemonBinary.run(["check", "--config", "/nonexistent/agent-presenced.yaml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("/nonexistent/agent-presenced.yaml"))
    }

    @Test func theEnvironmentVariableNamesTheConfig() throws {
        let result = try DaemonBinary.run(["check"], environment: ["AGENT_PRESENCED_CONFIG": "/nonexistent/from-env.yaml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("/nonexistent/from-env.yaml"))
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try DaemonBinary.run(["check", "--no-such-option"])
        #expect(result.status == 64)
    }
}

@Suite struct CheckCommandBudgetTests {
    func config(agents: Int, budget: Int = 100, folder: TemporaryFolder) throws -> String {
        let key = try folder.write("key", "k\n")
        let roster = (0..<agents).map { "  - id: agent\($0)" }.joined(separator: "\n")
        return try folder.write("config.yaml", "brevo:\n  api_key_file: \(key)\nrate_limit:\n  requests_per_hour: \(budget)\nagents:\n\(roster)\n", mode: 0o644)
    }

    @Test func aBudgetTooSmallForTheIntervalStretchesItAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let result = try DaemonBinary.run(["check", "--config", try config(agents: 3, folder: folder)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("stretched to 110s"), "\(result.stdout)")
    }

    @Test func aRosterThatCannotFitExits78WithTheArithmetic() throws {
        let folder = try TemporaryFolder()
        let result = try DaemonBinary.run(["check", "--config", try config(agents: 7, folder: folder)])
        #expect(result.status == 78)
        #expect(result.stderr.contains("7 agents need ≥ 229 requests/hour at the longest safe interval of 110 s; the budget is 100: at most 3 agents fit"), "\(result.stderr)")
    }

    @Test func aHugeBudgetExits78NamingTheKeyInsteadOfCrashing() throws {
        let folder = try TemporaryFolder()
        let result = try DaemonBinary.run(["check", "--config", try config(agents: 1, budget: .max, folder: folder)])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("config.yaml:4: rate_limit.requests_per_hour: must be between 1 and 1000000, found 9223372036854775807"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}
