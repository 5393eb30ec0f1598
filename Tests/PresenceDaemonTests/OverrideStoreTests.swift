import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// Overrides on disk: what is saved comes back, nothing saved is no file, and a damaged file is
/// moved aside rather than trusted or fatal.
@Suite struct OverrideStoreTests {
    static let setAt = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func savedOverridesComeBackAsTheyWere() throws {
        let folder = try ConfigTestFolder()
        let store = OverrideStore(path: folder.path + "/state/overrides.json")
        let saved: [AgentKey: PresenceOverride] = [
            AgentKey("sales/id:a1"): PresenceOverride(mode: .away, until: Self.setAt.addingTimeInterval(3600), reason: "lunch \"break\"", setAt: Self.setAt),
            AgentKey("email:liz@example.com"): PresenceOverride(mode: .online, setAt: Self.setAt),
        ]
        try store.save(saved)
        guard case .overrides(let loaded) = store.load() else { Issue.record("nothing loaded"); return }
        #expect(loaded == saved)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test func noOverridesIsNoFile() throws {
        let folder = try ConfigTestFolder()
        let store = OverrideStore(path: folder.path + "/overrides.json")
        guard case .none = store.load() else { Issue.record("a missing file is no overrides"); return }
        try store.save([AgentKey("id:a"): PresenceOverride(mode: .away, setAt: Self.setAt)])
        try store.save([:])
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    @Test(arguments: ["{not json", "{\"version\":2,\"overrides\":[]}", "{\"version\":1,\"overrides\":[{\"key\":\"id:a\",\"mode\":\"asleep\",\"set_at\":\"2026-11-30T10:00:00Z\"}]}"])
    func aDamagedFileIsMovedAsideAndIgnored(text: String) throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("overrides.json", text)
        guard case .unusable(let reason, let movedTo) = OverrideStore(path: path).load() else {
            Issue.record("a damaged file must not load")
            return
        }
        #expect(!reason.isEmpty)
        let target = try #require(movedTo)
        #expect(target.hasPrefix(path + ".corrupt-"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == text)
    }

    @Test func theStateDirectoryWinsOverTheStatusFilesFolder() {
        #expect(ConfigPaths.overridesFilePath(statusFilePath: "/run/x/status.json", environment: ["STATE_DIRECTORY": "/var/lib/agent-presenced:/var/lib/other"])
            == "/var/lib/agent-presenced/overrides.json")
        #expect(ConfigPaths.overridesFilePath(statusFilePath: "/run/x/status.json", environment: [:]) == "/run/x/overrides.json")
    }
}
