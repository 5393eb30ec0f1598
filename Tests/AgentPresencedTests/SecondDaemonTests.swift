import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One daemon per config and per status file (issue 10, defect 2): a second one exits 1 naming
/// the first, which keeps running; a killed daemon's locks do not stop the next start.
@Suite struct SecondDaemonTests {
    static let roster = "  - id: agent-a"

    @Test func aSecondDaemonForTheSameConfigRefusesToStart() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let first = try #require(daemon.pid)

            let second = try DaemonBinary.run(["run", "--config", daemon.configPath], environment: daemon.environment(), timeout: .seconds(20))
            #expect(second.status == 1)
            #expect(second.stderr.contains("already runs"), "\(second.stderr)")
            #expect(second.stderr.contains("pid \(first)"), "\(second.stderr)")
            #expect((daemon.statusJSON()?["pid"] as? Int).map(Int32.init) == first)
            #expect(daemon.stopWithin() == 0)
        }
    }

    @Test func aSecondDaemonForTheSameStatusFileRefusesToStart() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let first = try #require(daemon.pid)
            // Another config (so another pid file), same status file.
            let other = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            let otherPath = try daemon.folder.write("other.yaml", other, mode: 0o644)

            let second = try DaemonBinary.run(["run", "--config", otherPath], environment: daemon.environment(), timeout: .seconds(20))
            #expect(second.status == 1)
            #expect(second.stderr.contains("status file"), "\(second.stderr)")
            #expect(second.stderr.contains("pid \(first)"), "\(second.stderr)")
            #expect(daemon.stopWithin() == 0)
        }
    }

    @Test func aKilledDaemonsLocksDoNotStopTheNextStart() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let killed = try #require(daemon.process)
            kill(killed.processIdentifier, SIGKILL)
            killed.waitUntilExit()
            let ready = try daemon.start()
            #expect(ready != nil, "the restart after kill -9 did not become ready")
            #expect(daemon.stopWithin() == 0)
        }
    }
}
