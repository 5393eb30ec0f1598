import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `agent-presenced reload` signals only a proven daemon of its config, and follows it when the
/// reload moves the status file (issue 10, defects 1 and 9).
@Suite struct ReloadTargetTests {
    static let roster = "  - id: agent-a\n  - id: agent-b"

    /// A live process that is not agent-presenced (a `sleep`), for a reload to mistake.
    static func unrelatedProcess() throws -> Process {
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        try sleeper.run()
        return sleeper
    }

    /// A stale status file naming an unrelated live process (a `sleep`): without a daemon
    /// holding the pid file, nothing is signalled.
    @Test func aStaleStatusFileNamingAnotherProcessGetsNoSignal() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            let sleeper = try Self.unrelatedProcess()
            defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
            try FileManager.default.createDirectory(atPath: daemon.folder.path + "/run", withIntermediateDirectories: true)
            try daemon.folder.write("run/status.json", """
                {"version":1,"pid":\(sleeper.processIdentifier),"updated_at":"2026-11-29T00:00:00.000Z","config":{"path":"\(daemon.configPath)","generation":1,"loaded_at":"2026-11-29T00:00:00.000Z","last_reload_error":null,"last_reload_at":null},"summary":{},"agents":[]}
                """, mode: 0o644)

            let result = try daemon.runReload()
            #expect(result.status == 1)
            #expect(result.stderr.contains("not running"), "\(result.stderr)")
            usleep(200_000)
            #expect(sleeper.isRunning, "the unrelated process was signalled")
        }
    }

    /// Under systemd `$MAINPID` names the main process; one that is not the daemon holding the
    /// pid file is refused rather than signalled.
    @Test func aMainPIDThatIsNotTheLockHolderIsRefused() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let sleeper = try Self.unrelatedProcess()
            defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }

            let result = try daemon.runReload(environment: ["MAINPID": "\(sleeper.processIdentifier)"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("MAINPID") || result.stderr.contains("main process"), "\(result.stderr)")
            usleep(200_000)
            #expect(sleeper.isRunning)
            #expect(daemon.generation == 1)
            #expect(daemon.stopWithin() == 0)
        }
    }

    /// A reload that changes `status_file`: the command finds the daemon by its pid file, sees
    /// the new generation in the new file, and the old file is gone.
    @Test func aReloadThatMovesTheStatusFileIsFollowedAndTheOldFileRemoved() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let newStatus = daemon.folder.path + "/moved/state.json"
            try daemon.writeConfig(agents: Self.roster)
            let config = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
                .replacingOccurrences(of: "status_file: \(daemon.statusPath)", with: "status_file: \(newStatus)")
            try daemon.folder.write("config.yaml", config, mode: 0o644)

            let result = try daemon.runReload()
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("generation 2"), "\(result.stdout)")
            let moved = FileManager.default.contents(atPath: newStatus)
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            #expect((moved?["config"] as? [String: Any])?["generation"] as? Int == 2)
            #expect(!FileManager.default.fileExists(atPath: daemon.statusPath), "the old status file stayed")

            // And the next reload follows it again.
            try daemon.folder.write("config.yaml", config + "\n  - id: agent-c", mode: 0o644)
            let again = try daemon.runReload()
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("generation 3"), "\(again.stdout)")
            #expect(daemon.stopWithin() == 0)
        }
    }
}
