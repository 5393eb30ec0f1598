import BrevoStandIn
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built daemon as a child process: real stand-in, real notify socket, real signals.
@Suite struct DaemonLifecycleTests {
    static let roster = """
          - id: agent-a
            label: A
          - email: carol@example.com
            name: Carol
          - id: agent-off
            enabled: false
        """

    @Test func pingsEveryEnabledAgentEachIntervalReportsToSystemdAndStopsCleanly() async throws {
        let daemon = try await DaemonUnderTest(agents: Self.roster)
        let ready = try daemon.start()
        #expect(ready?.contains("READY=1") == true)
        #expect(ready?.contains("STATUS=") == true)

        let enough = daemon.waitForRequests { requests in
            requests.filter { $0.agentId == "agent-a" }.count >= 3 && requests.filter { $0.agentEmail == "carol@example.com" }.count >= 3
        }
        #expect(enough, "the stand-in got \(daemon.standIn.requests.count) requests")
        let live = try DaemonBinary.run(["status", "--status-file", daemon.statusPath])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("online"))

        let (status, log) = daemon.stop()
        #expect(status == 0)
        #expect(daemon.notify.waitFor(timeout: .seconds(5)) { $0.contains("STOPPING=1") } != nil)
        await daemon.tearDown()

        let requests = daemon.standIn.requests
        #expect(!requests.contains { $0.agentId == "agent-off" })
        #expect(requests.allSatisfy { $0.apiKeyValid && $0.path == "/v3/conversations/agentOnlinePing" && $0.status == 201 })
        #expect(requests.filter { $0.agentEmail != nil }.allSatisfy { $0.agentName == "Carol" && $0.receivedFrom == "tests" })
        for agent in ["agent-a", "carol@example.com"] {
            let times = requests.filter { $0.agent == agent }.map(\.monotonicNanoseconds)
            for (earlier, later) in zip(times, times.dropFirst()) {
                #expect(later - earlier >= 1_000_000_000, "\(agent): two pings \(later - earlier) ns apart, under half the 2 s interval")
            }
        }
        #expect(!log.contains(daemon.apiKey))

        let json = try #require(daemon.statusJSON())
        #expect(json["version"] as? Int == 1)
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.count == 3)
        #expect(agents.first { $0["id"] as? String == "agent-off" }?["state"] as? String == "disabled")
        #expect(agents.first { $0["id"] as? String == "agent-a" }?["state"] as? String == "online")
        let text = String(decoding: FileManager.default.contents(atPath: daemon.statusPath) ?? Data(), as: UTF8.self)
        #expect(!text.contains(daemon.apiKey))
        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.statusPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func aConfigErrorAtStartReportsStatusAndErrnoAndExits78() async throws {
        let daemon = try await DaemonUnderTest(agents: "      - id: \"\"")
        try daemon.launch()
        let failure = daemon.notify.waitFor(timeout: .seconds(10)) { $0.contains("ERRNO=") }
        #expect(failure?.contains("STATUS=") == true)
        daemon.process?.waitUntilExit()
        #expect(daemon.process?.terminationStatus == 78)
        await daemon.tearDown()
    }

    @Test func sighupReloadsAndARefusedReloadKeepsTheRosterRunning() async throws {
        let daemon = try await DaemonUnderTest(agents: Self.roster)
        #expect(try daemon.start() != nil)
        #expect(daemon.waitForRequests { $0.contains { $0.agentId == "agent-a" } })

        try daemon.writeConfig(agents: """
              - id: agent-a
                label: A
                enabled: false
              - email: carol@example.com
                name: Carol
              - id: agent-new
            """)
        daemon.signal(SIGHUP)
        let reloading = daemon.notify.waitFor { $0.contains("RELOADING=1") }
        #expect(reloading?.range(of: #"MONOTONIC_USEC=\d+"#, options: .regularExpression) != nil)
        #expect(daemon.notify.waitFor { $0.contains("READY=1") } != nil)
        #expect(daemon.waitForRequests { $0.contains { $0.agentId == "agent-new" } })
        let config = try #require(daemon.statusJSON()?["config"] as? [String: Any])
        #expect(config["generation"] as? Int == 2)

        try daemon.writeConfig(agents: "      - id: agent-a\n        bogus: 1")
        daemon.signal(SIGHUP)
        #expect(daemon.notify.waitFor { $0.contains("RELOADING=1") } != nil)
        let refused = daemon.notify.waitFor { $0.contains("READY=1") }
        #expect(refused?.contains("reload refused") == true)
        let afterRefusal = daemon.standIn.requests.count
        #expect(daemon.waitForRequests { $0.count >= afterRefusal + 2 && $0.suffix(2).allSatisfy { $0.agentId == "agent-new" || $0.agentEmail != nil } })
        let refusedConfig = try #require(daemon.statusJSON()?["config"] as? [String: Any])
        #expect(refusedConfig["generation"] as? Int == 2)
        #expect((refusedConfig["last_reload_error"] as? String)?.contains("bogus") == true)

        #expect(daemon.stop().status == 0)
        await daemon.tearDown()
    }
}
