import Foundation
import Testing

/// What the daemon does around its status file (issue 10): it clears the temporaries a killed
/// write left (defect 4), and rewrites the file at least every 30 s as a heartbeat.
@Suite struct StatusFileHousekeepingTests {
    @Test func staleTemporariesOfOurPatternAreRemovedAtStartAndNothingElse() async throws {
        try await withDaemon(agents: "  - id: agent-a") { daemon in
            let run = daemon.folder.path + "/run"
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            let stale = [".status.json.Ab12Cd", ".status.json.zzzzzz"]
            let kept = [".status.json.keep-me", "status.json.Ab12Cd", ".other.json.Ab12Cd", "notes.txt"]
            for name in stale + kept { try daemon.folder.write("run/" + name, "leftover") }

            #expect(try daemon.startAndWaitForStatus())
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: run))
            for name in stale { #expect(!names.contains(name), "\(name) stayed") }
            for name in kept { #expect(names.contains(name), "\(name) was removed") }
            #expect(daemon.stopWithin() == 0)
        }
    }

    /// Nothing changes in a roster of disabled agents, yet `updated_at` moves on: a heartbeat.
    @Test func aQuietDaemonStillRewritesTheStatusFile() async throws {
        try await withDaemon(agents: "  - id: agent-a\n    enabled: false") { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let first = try #require(daemon.statusJSON()?["updated_at"] as? String)
            #expect(daemon.waitForStatus(timeout: .seconds(45)) { ($0["updated_at"] as? String) != first })
            #expect(daemon.stopWithin() == 0)
        }
    }
}
