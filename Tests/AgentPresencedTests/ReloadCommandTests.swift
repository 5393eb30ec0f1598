import Foundation
import Testing

/// `agent-presenced reload` (the unit's `ExecReload=`) against the built daemon.
@Suite struct ReloadCommandTests {
    static let roster = "  - id: agent-a\n  - id: agent-b"

    @Test func anAppliedConfigExitsZeroWithTheNewGeneration() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            try daemon.writeConfig(agents: Self.roster + "\n  - id: agent-c")

            let result = try daemon.runReload()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("generation 2"), "\(result.stdout)")
            #expect(daemon.generation == 2)
            #expect(daemon.notify.waitFor(timeout: .seconds(5)) { $0.contains("RELOADING=1") } != nil)
            #expect(daemon.waitForRequests { $0.contains { $0.agentId == "agent-c" } })
            #expect(daemon.stopWithin() == 0)
        }
    }

    @Test func aBadConfigExits78BeforeSignalling() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            try daemon.writeConfig(agents: "  - id: agent-a\n    bogus: 1")

            let result = try daemon.runReload()
            #expect(result.status == 78)
            #expect(result.stderr.contains("bogus"), "\(result.stderr)")
            #expect(result.stderr.contains("config.yaml:"), "\(result.stderr)")
            // Nothing reached the daemon: no RELOADING=1 within a bounded look, no new generation.
            let datagrams = daemon.notify.drain(for: .seconds(2))
            #expect(!datagrams.contains { $0.contains("RELOADING=1") }, "\(datagrams)")
            let config = try #require(daemon.statusConfig())
            #expect(config["generation"] as? Int == 1)
            #expect(config["last_reload_at"] is NSNull)
            #expect(config["last_reload_error"] is NSNull)
            #expect(daemon.stopWithin() == 0)
        }
    }

    /// A config that the command validates but the daemon refuses: the key comes from
    /// `$CREDENTIALS_DIRECTORY`, which the command's environment has and the daemon's lacks.
    /// (A file edited between validation and SIGHUP cannot be staged deterministically.)
    @Test func aRefusalReportedByTheDaemonExits78() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let credentials = daemon.folder.path + "/credentials"
            try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
            try daemon.folder.write("credentials/brevo-api-key", daemon.apiKey + "\n")
            try daemon.folder.write("config.yaml", """
                brevo:
                  base_url: \(daemon.standIn.baseURL)
                status_file: \(daemon.statusPath)
                agents:
                \(Self.roster)
                """, mode: 0o644)

            let result = try daemon.runReload(environment: ["CREDENTIALS_DIRECTORY": credentials])
            #expect(result.status == 78, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("reload refused"), "\(result.stderr)")
            #expect(result.stderr.contains("no API key"), "\(result.stderr)")
            let config = try #require(daemon.statusConfig())
            #expect(config["generation"] as? Int == 1)
            #expect((config["last_reload_error"] as? String)?.contains("no API key") == true)
            #expect(daemon.stopWithin() == 0)
        }
    }

    @Test func noStatusFileMeansNoDaemonAndExits1() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            let result = try daemon.runReload()
            #expect(result.status == 1)
            #expect(result.stderr.contains("not running"), "\(result.stderr)")
            #expect(result.stderr.contains(daemon.statusPath), "\(result.stderr)")
        }
    }

    @Test func aStatusFileOfAnExitedDaemonExits1() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            #expect(daemon.stopWithin() == 0)
            #expect(FileManager.default.fileExists(atPath: daemon.statusPath))

            let result = try daemon.runReload()
            #expect(result.status == 1)
            #expect(result.stderr.contains("not running"), "\(result.stderr)")
        }
    }
}
