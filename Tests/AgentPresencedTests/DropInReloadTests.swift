import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `agents_dir` drop-ins picked up by SIGHUP: `*.yaml` only, duplicates refused naming both files.
@Suite struct DropInReloadTests {
    static let roster = "  - id: main-agent"

    /// Starts a daemon whose config has `agents_dir: <folder>/agents.d` (created empty).
    private func startWithDropInFolder(_ daemon: DaemonUnderTest) throws -> String {
        let folder = daemon.folder.path + "/agents.d"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try daemon.writeConfig(agents: Self.roster, extra: "agents_dir: \(folder)")
        #expect(try daemon.startAndWaitForStatus())
        return folder
    }

    /// Sends SIGHUP and returns the `READY=1` that ends the reload.
    private func reload(_ daemon: DaemonUnderTest) -> String? {
        daemon.signal(SIGHUP)
        guard daemon.notify.waitFor({ $0.contains("RELOADING=1") }) != nil else { return nil }
        return daemon.notify.waitFor { $0.contains("READY=1") }
    }

    @Test func aYamlDropInAddsItsAgentAndOtherFilesAreIgnored() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            let folder = try startWithDropInFolder(daemon)
            try daemon.folder.write("agents.d/10-extra.yaml", "agents:\n  - id: dropin-agent\n", mode: 0o644)
            try daemon.folder.write("agents.d/notes.txt", "agents:\n  - id: txt-agent\n", mode: 0o644)
            try daemon.folder.write("agents.d/old.yaml.bak", "agents:\n  - id: bak-agent\n", mode: 0o644)
            #expect(FileManager.default.fileExists(atPath: folder + "/notes.txt"))

            let ready = reload(daemon)
            #expect(ready != nil)
            #expect(ready?.contains("reload refused") == false, "\(ready ?? "")")
            #expect(daemon.waitForStatus { ($0["config"] as? [String: Any])?["generation"] as? Int == 2 })
            #expect(daemon.waitForRequests { requests in requests.filter { $0.agentId == "dropin-agent" }.count >= 2 })
            #expect(daemon.statusAgent(id: "dropin-agent") != nil)
            #expect(daemon.statusAgent(id: "txt-agent") == nil)
            #expect(daemon.statusAgent(id: "bak-agent") == nil)
            #expect(!daemon.standIn.requests.contains { $0.agentId == "txt-agent" || $0.agentId == "bak-agent" })
            #expect(daemon.stopWithin() == 0)
        }
    }

    @Test func theSameAgentInTwoDropInsIsRefusedNamingBothFiles() async throws {
        try await withDaemon(agents: Self.roster) { daemon in
            let folder = try startWithDropInFolder(daemon)
            try daemon.folder.write("agents.d/10-first.yaml", "agents:\n  - id: twice\n", mode: 0o644)
            try daemon.folder.write("agents.d/20-second.yaml", "agents:\n  - label: again\n    id: twice\n", mode: 0o644)

            let ready = reload(daemon)
            #expect(ready?.contains("reload refused") == true, "\(ready ?? "")")
            #expect(daemon.waitForStatus { ($0["config"] as? [String: Any])?["last_reload_error"] is String })
            let config = try #require(daemon.statusConfig())
            let error = try #require(config["last_reload_error"] as? String)
            #expect(error.contains(folder + "/10-first.yaml"), "\(error)")
            #expect(error.contains(folder + "/20-second.yaml"), "\(error)")
            #expect(config["generation"] as? Int == 1)
            #expect(daemon.statusAgent(id: "twice") == nil)

            // The running roster goes on: main-agent is still pinged, the duplicate never is.
            let before = daemon.standIn.requests.count
            #expect(daemon.waitForRequests { $0.dropFirst(before).contains { $0.agentId == "main-agent" } })
            #expect(!daemon.standIn.requests.contains { $0.agentId == "twice" })
            #expect(daemon.stopWithin() == 0)
        }
    }
}
