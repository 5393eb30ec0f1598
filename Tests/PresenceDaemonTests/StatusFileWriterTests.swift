import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

@Suite struct StatusFileWriterTests {
    static func document(agents count: Int, label: String) -> StatusDocument {
        let agents = (0..<count).map { index in
            AgentStatus(
                key: "id:a\(index)", id: "a\(index)", email: nil, label: label, enabled: true, state: "online",
                lastAttemptAt: nil, lastSuccessAt: nil, presumedOnlineUntil: nil, nextPingAt: nil,
                consecutiveFailures: 0, lastError: nil, pingsOK: index, pingsFailed: 0
            )
        }
        return StatusDocument(
            pid: 1, updatedAt: "2026-11-24T18:00:00.000Z",
            config: .init(path: "/etc/c.yaml", generation: 1, loadedAt: "2026-11-24T18:00:00.000Z", lastReloadError: nil),
            summary: ["online": count],
            accounts: ["default": AccountStatus(
                state: "active", reason: nil, until: nil, requestsPerHour: nil, interval: "60s",
                agents: count, requestsLastHour: count, learnedLimit: nil
            )],
            agents: agents
        )
    }

    @Test func aReaderNeverSeesAPartialFile() throws {
        let folder = NSTemporaryDirectory() + "status-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = StatusFileWriter(path: folder + "/status.json")
        try writer.writeNow(Self.document(agents: 10, label: "first"))
        let big = Self.document(agents: 3000, label: String(repeating: "x", count: 40))
        let small = Self.document(agents: 5, label: "small")

        let done = LockedFlag()
        let writerThread = Thread {
            for round in 0..<60 { try? writer.writeNow(round.isMultiple(of: 2) ? big : small) }
            done.set()
        }
        writerThread.start()
        var reads = 0, torn = 0
        while !done.value || reads < 50 {
            guard let data = FileManager.default.contents(atPath: writer.path) else { torn += 1; continue }
            if (try? JSONDecoder().decode(StatusDocument.self, from: data)) == nil { torn += 1 }
            reads += 1
        }
        #expect(torn == 0, "\(torn) of \(reads) reads saw a partial or missing file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "status.json" }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test func theFileHasMode0644AndEveryContractKeyWithExplicitNulls() throws {
        let folder = NSTemporaryDirectory() + "status-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = StatusFileWriter(path: folder + "/status.json")
        let saved = umask(0o077)
        defer { umask(saved) }
        try writer.writeNow(Self.document(agents: 1, label: "A"))
        let attributes = try FileManager.default.attributesOfItem(atPath: writer.path)
        #expect(attributes[.posixPermissions] as? Int == 0o644)
        let data = try #require(FileManager.default.contents(atPath: writer.path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["version", "pid", "updated_at", "config", "summary", "accounts", "bots", "agents"])
        #expect((json["bots"] as? [String: Any])?.isEmpty == true)
        let account = try #require((json["accounts"] as? [String: [String: Any]])?["default"])
        #expect(Set(account.keys) == [
            "state", "reason", "until", "requests_per_hour", "interval", "agents", "requests_last_hour", "learned_limit",
        ])
        #expect(account["reason"] is NSNull && account["learned_limit"] is NSNull)
        let config = try #require(json["config"] as? [String: Any])
        #expect(config["last_reload_error"] is NSNull)
        let agent = try #require((json["agents"] as? [[String: Any]])?.first)
        let expected: Set<String> = [
            "key", "account", "id", "label", "enabled", "state", "last_attempt_at", "last_success_at", "presumed_online_until",
            "next_ping_at", "consecutive_failures", "last_error", "pings_ok", "pings_failed",
            "schedule", "shift_ends_at", "next_shift_at", "override", "bot",
        ]
        #expect(Set(agent.keys) == expected)
        #expect(agent["last_error"] is NSNull)
        #expect(agent["override"] is NSNull && agent["schedule"] is NSNull && agent["bot"] is NSNull)
    }

    @Test func anUnwritableFolderIsAnErrorNamingThePath() throws {
        let writer = StatusFileWriter(path: "/proc/agent-presenced-test/status.json")
        #expect(throws: AtomicFile.WriteError.self) { try writer.writeNow(Self.document(agents: 1, label: "A")) }
    }
}

/// A flag one thread sets and another reads.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    func set() { lock.lock(); flag = true; lock.unlock() }
}
