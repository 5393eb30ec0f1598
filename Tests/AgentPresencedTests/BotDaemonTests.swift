import BrevoStandIn
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #13 with the built binary: a bot agent is pinged only while its bot (the Broker
/// stand-in, over a socket) answers its probes, and a human agent next to it never notices.
@Suite struct BotDaemonTests {
    static let agents = """
          - id: helpbot-agent
            label: Help bot
            bot: helpbot
          - id: human-agent
            label: Human
        """

    @Test func aBotGoingDownStopsItsAgentsPingsAndItsRecoveryBringsThemBack() async throws {
        try await withDaemon(agents: "") { daemon in
            let bot = try await BotFixture.start(in: daemon.folder)
            defer { Task { await bot.broker.shutdown() } }
            try daemon.writeConfig(agents: Self.agents, extra: bot.botsSection())
            let ready = try #require(try daemon.start())
            #expect(ready.contains("READY=1"))
            // Up at the first good probe, within a few seconds of the start.
            #expect(daemon.waitForRequests { $0.filter { $0.agent == "helpbot-agent" && $0.status == 201 }.count >= 3 })
            #expect(daemon.waitForStatus { Self.botState($0) == "up" })

            try await bot.broker.setFault(.status(462))
            #expect(daemon.waitForStatus(timeout: .seconds(30)) { Self.botState($0) == "down" })
            let wentDown = try #require(bot.starts().first { $0.status == 462 }).monotonicNanoseconds
            #expect(daemon.waitForStatus { json in
                (json["agents"] as? [[String: Any]])?.first { $0["id"] as? String == "helpbot-agent" }?["state"] as? String == "bot_down"
            })
            let line = try #require(daemon.notify.drain(for: .seconds(6)).last { $0.contains("STATUS=") })
            #expect(line.contains("helpbot"), "STATUS= does not name the bot that is down: \(line)")

            try await bot.broker.setFault(.none)
            #expect(daemon.waitForStatus(timeout: .seconds(30)) { Self.botState($0) == "up" })
            let cameBack = try #require(bot.starts().last { $0.status == 200 }).monotonicNanoseconds
            #expect(daemon.waitForRequests { $0.contains { $0.agent == "helpbot-agent" && $0.monotonicNanoseconds > cameBack } })
            usleep(3_000_000)

            let botPings = daemon.pingTimes("helpbot-agent")
            let lastBefore = try #require(botPings.last { $0 < wentDown })
            let firstAfter = try #require(botPings.first { $0 > cameBack })
            // In flight when the probe failed, at most: one ping's timeout.
            #expect(!botPings.contains { $0 > wentDown + 1_000_000_000 && $0 < cameBack }, "the bot agent pinged while its bot was down")
            #expect(wentDown - lastBefore < 3_000_000_000)
            print("bot timings: last bot-agent ping \(Double(wentDown - lastBefore) / 1e9) s before the failed probe, first \(Double(firstAfter - cameBack) / 1e9) s after the good one")
            #expect(Double(firstAfter - cameBack) / 1e9 < 3.5, "first ping \(Double(firstAfter - cameBack) / 1e9) s after the bot came back")
            // The human agent never missed a beat (after its first, off-grid ping).
            let humanGaps = Array(gapsInSeconds(daemon.pingTimes("human-agent")).dropFirst())
            #expect(humanGaps.count >= 10)
            #expect(humanGaps.allSatisfy { $0 <= AccountsDaemonTests.longestGap }, "\(humanGaps)")
            // Every probe was a test conversation, and each one that opened a session closed it.
            #expect(bot.starts().allSatisfy { $0.query?.contains("test=true") == true && $0.apiKeyValid })
            #expect(bot.broker.openSessions == 0)

            let status = try String(contentsOfFile: daemon.statusPath, encoding: .utf8)
            let (_, log) = daemon.stop()
            #expect(log.contains("bot helpbot is down"), "\(log)")
            #expect(log.contains("bot helpbot is up"), "\(log)")
            #expect(log.components(separatedBy: "bot helpbot is down").count == 2, "one entry per change, not per agent")
            for text in [status, log] {
                #expect(!text.contains(BotFixture.brokerKey))
                #expect(!text.contains(daemon.apiKey))
            }
        }
    }

    @Test func botAgentsWaitForTheFirstGoodProbe() async throws {
        try await withDaemon(agents: "") { daemon in
            let bot = try await BotFixture.start(in: daemon.folder)
            defer { Task { await bot.broker.shutdown() } }
            try await bot.broker.setFault(.emptyAnswers)
            try daemon.writeConfig(agents: Self.agents, extra: bot.botsSection())
            _ = try #require(try daemon.start())
            #expect(daemon.waitForRequests { $0.filter { $0.agent == "human-agent" }.count >= 4 })
            #expect(bot.starts().count >= 1)
            #expect(daemon.pingTimes("helpbot-agent").isEmpty, "a bot agent pinged before its bot ever answered")
            let status = try #require(daemon.statusJSON())
            let bots = try #require(status["bots"] as? [String: [String: Any]])
            #expect(bots["helpbot"]?["last_error"] as? String == "the bot answered nothing")
            #expect(daemon.stop().status == 0)
        }
    }

    @Test func aReloadWithANewKeyReprobesTheBotAtOnce() async throws {
        try await withDaemon(agents: "") { daemon in
            let bot = try await BotFixture.start(in: daemon.folder, withAuth: true)
            defer { Task { await bot.broker.shutdown() } }
            _ = try daemon.folder.write("broker-api-key", "a-revoked-key\n")
            try daemon.writeConfig(agents: Self.agents, extra: bot.botsSection(interval: "60s"))
            _ = try #require(try daemon.start())
            #expect(daemon.waitForStatus { ($0["bots"] as? [String: [String: Any]])?["helpbot"]?["last_error"] as? String != nil })
            #expect(daemon.pingTimes("helpbot-agent").isEmpty)
            // The right key, without touching the config: a reload re-probes within seconds,
            // not at the bot's next slot a minute away.
            _ = try daemon.folder.write("broker-api-key", BotFixture.brokerKey + "\n")
            daemon.signal(SIGHUP)
            #expect(daemon.waitForStatus(timeout: .seconds(8)) { Self.botState($0) == "up" })
            #expect(daemon.waitForRequests(timeout: .seconds(8)) { $0.contains { $0.agent == "helpbot-agent" } })
            #expect(bot.starts().count == 2)
            #expect(bot.starts().last?.bearerValid == true)
            #expect(bot.broker.requests().contains { $0.kind == .token })
            let status = try String(contentsOfFile: daemon.statusPath, encoding: .utf8)
            let (_, log) = daemon.stop()
            for text in [status, log] {
                #expect(!text.contains(BotFixture.brokerKey))
                #expect(!text.contains(BotFixture.clientSecret))
                #expect(!text.contains("a-revoked-key"))
                #expect(!text.lowercased().contains("bearer "))
            }
        }
    }

    static func botState(_ json: [String: Any]) -> String? {
        ((json["bots"] as? [String: [String: Any]])?["helpbot"])?["state"] as? String
    }
}
