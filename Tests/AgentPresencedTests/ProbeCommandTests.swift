import BrevoStandIn
import Foundation
import Testing

/// `agent-presenced probe BOT` with the built binary against the Broker stand-in.
@Suite struct ProbeCommandTests {
    /// Runs `probe helpbot` (or `bot`) against a config whose bot is `fixture`'s.
    static func probe(_ fixture: BotFixture, daemon: DaemonUnderTest, bot: String = "helpbot") throws -> (status: Int32, stdout: String, stderr: String) {
        try daemon.writeConfig(agents: "  - id: helpbot-agent\n    bot: helpbot", extra: fixture.botsSection())
        let result = try DaemonBinary.run(["probe", bot, "--config", daemon.configPath], environment: daemon.environment())
        return (result.status, result.stdout, result.stderr)
    }

    @Test func aHealthyBotPrintsItsAnswerAndExitsZero() async throws {
        try await withDaemon(agents: "") { daemon in
            let fixture = try await BotFixture.start(in: daemon.folder)
            let result = try Self.probe(fixture, daemon: daemon)
            await fixture.broker.shutdown()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("bot helpbot: healthy, HTTP 200"), "\(result.stdout)")
            #expect(result.stdout.contains("answer: Hello! How can I help you?"))
            #expect(result.stdout.contains("session: closed"))
            #expect(fixture.broker.openSessions == 0)
            #expect(fixture.starts().count == 1)
            #expect(!(result.stdout + result.stderr).contains(BotFixture.brokerKey))
        }
    }

    @Test func aMisconfiguredBotIsNamedAndExitsOne() async throws {
        try await withDaemon(agents: "") { daemon in
            let fixture = try await BotFixture.start(in: daemon.folder)
            try await fixture.broker.setFault(.status(461))
            let result = try Self.probe(fixture, daemon: daemon)
            await fixture.broker.shutdown()
            #expect(result.status == 1)
            #expect(result.stdout.contains("unhealthy, HTTP 461"), "\(result.stdout)")
            #expect(result.stdout.contains("misconfigured flow or bot"), "\(result.stdout)")
        }
    }

    @Test func anUnknownBotIsAUsageError() async throws {
        try await withDaemon(agents: "") { daemon in
            let fixture = try await BotFixture.start(in: daemon.folder)
            let result = try Self.probe(fixture, daemon: daemon, bot: "nobot")
            await fixture.broker.shutdown()
            #expect(result.status == 64)
            #expect(result.stderr.contains("no bot named \"nobot\"") && result.stderr.contains("helpbot"), "\(result.stderr)")
            #expect(fixture.starts().isEmpty)
        }
    }
}
