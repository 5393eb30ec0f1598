import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The `cluster` section: the hand-written encoder writes it as the `Codable` conformance does,
/// byte for byte, and writes no `cluster` key at all outside a cluster.
@Suite struct StatusJSONEncoderClusterTests {
    static let clock = FrozenClock(now: .zero + .seconds(1000), wallNow: Date(timeIntervalSince1970: 1_795_000_000))
    static let config = StatusDocument.ConfigStatus(path: "/etc/c.yaml", generation: 2, loadedAt: "2026-11-24T18:00:00.000Z", lastReloadError: nil)

    /// `web-2`'s lease after `outcome`, sent and answered a second before the clock's now.
    static func keeper(_ outcome: LeaseOutcome?) -> LeaseKeeper {
        var lease = LeaseKeeper(lease: .seconds(30), policy: .stop)
        let at = clock.now - .seconds(1)
        if let outcome { _ = lease.record(outcome, sentAt: at, now: at, node: "web-2") }
        return lease
    }

    static let leases: [LeaseKeeper] = [
        keeper(nil),
        keeper(.held(epoch: 7, remaining: .seconds(30))),
        keeper(.heldByOther(holder: "web \"1\"", epoch: 9_000_000_000, remaining: .seconds(20), sameNode: false)),
        keeper(.failed(message: "connection refused")),
    ]

    static func snapshot(_ lease: LeaseKeeper?, agents count: Int = 3) -> StatusSnapshot {
        let records = (0..<count).map { AgentRecord(spec: AgentSpec(identity: .id("agent-\($0)")), phase: .seconds(1)) }
        return StatusSnapshot(records: records, cluster: lease, clusterNode: lease == nil ? nil : "web-2", window: .seconds(120),
                              clock: clock, pid: 7, config: config)
    }

    static func codable(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try Array(encoder.encode(value))
    }

    @Test(arguments: leases)
    func theStreamTheDocumentAndTheCodableConformanceAgree(_ lease: LeaseKeeper) throws {
        let snapshot = Self.snapshot(lease)
        var chunks: [[UInt8]] = []
        StatusJSONEncoder.stream(snapshot, chunkBytes: 200) { chunks.append(Array($0)) }
        let streamed = Array(chunks.joined())
        #expect(streamed == StatusJSONEncoder.encode(snapshot.document))
        let reference = try JSONSerialization.jsonObject(with: Data(Self.codable(snapshot.document))) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(streamed)) as? NSDictionary == reference)
        #expect(try JSONDecoder().decode(StatusDocument.self, from: Data(streamed)) == snapshot.document)
        // The section between the bots and the agents, saying what its Codable conformance says
        // (JSONEncoder's own key order is its own; the exact bytes are checked below).
        let section = try #require(snapshot.cluster)
        let codableSection = try JSONSerialization.jsonObject(with: Data(Self.codable(section))) as? NSDictionary
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(streamed)) as? [String: Any])
        #expect(parsed["cluster"] as? NSDictionary == codableSection)
        let text = String(decoding: streamed, as: UTF8.self)
        #expect(text.contains("\"bots\":{},\"cluster\":{\"role\":"))
        #expect(text.contains(",\"last_loss\":null},\"agents\":["))
    }

    @Test func aStandbysSectionNamesTheLeaderAndItsLeaseEnd() {
        let text = String(decoding: StatusJSONEncoder.encode(Self.snapshot(Self.leases[2])), as: UTF8.self)
        #expect(text.contains(
            "\"cluster\":{\"role\":\"standby\",\"node\":\"web-2\",\"leader\":\"web \\\"1\\\"\","
                + "\"lease_until\":\"2026-11-18T11:06:59.000Z\",\"epoch\":9000000000,\"database_reachable\":true,\"last_loss\":null}"
        ))
    }

    @Test func outsideAClusterThereIsNoClusterKey() throws {
        let snapshot = Self.snapshot(nil)
        let text = String(decoding: StatusJSONEncoder.encode(snapshot), as: UTF8.self)
        #expect(!text.contains("cluster"))
        #expect(text.contains("\"bots\":{},\"agents\":["))
        #expect(StatusJSONEncoder.encode(snapshot) == StatusJSONEncoder.encode(snapshot.document))
        #expect(!String(decoding: try Self.codable(snapshot.document), as: UTF8.self).contains("cluster"))
    }
}
