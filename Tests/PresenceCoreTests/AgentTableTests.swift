import PresenceCore
import Testing

/// The roster table: records changed in place keep the per-state counts right, and keys find
/// their records by text whatever their digests.
@Suite struct AgentTableTests {
    static func table() -> AgentTable {
        AgentTable((0..<3).map { AgentRecord(spec: AgentSpec(identity: .id("a\($0)"), account: "eu"), phase: .zero) })
    }

    @Test func anUpdateInPlaceMovesTheStateCounts() {
        var table = Self.table()
        let key = AgentIdentity.id("a1").key
        let keyInEU = table.records[1].spec.key
        #expect(table.update(key) { _ in 1 } == nil)
        let transition = table.update(keyInEU) { record in
            record.recordAttempt(at: .zero)
            return record.record(.success(), at: .zero + .seconds(1), window: .seconds(120))
        }
        #expect(transition??.to == .online)
        #expect(table.summary.counts[.online] == 1 && table.summary.counts[.pending] == 2)
        #expect(table[keyInEU]?.pingsOK == 1)
        #expect(table.read(keyInEU) { $0.accountIndex } == table.records[1].accountIndex)
        _ = table.update(keyInEU) { $0.pingsOK += 1 }
        #expect(table.summary.counts[.online] == 1 && table[keyInEU]?.pingsOK == 2)
    }

    @Test func keysAreEqualAndHashAlikeByTheirText() {
        let keys = ["id:1", "id:2", "email:a@b.c", "id:1"].map(AgentKey.init)
        #expect(keys[0] == keys[3] && keys[0].hashValue == keys[3].hashValue)
        #expect(keys[0] != keys[1] && keys[1] != keys[2])
        #expect(Set(keys).count == 3)
        #expect(Dictionary(keys.map { ($0, $0.rawValue) }, uniquingKeysWith: { first, _ in first })[AgentKey("email:a@b.c")] == "email:a@b.c")
    }

    @Test func aReadInPlaceSeesTheRecordAndNothingForAnUnknownKey() {
        var table = Self.table()
        let keyInEU = table.records[2].spec.key
        _ = table.update(keyInEU) { $0.pingsFailed = 4 }
        #expect(table.read(keyInEU) { $0.pingsFailed } == 4)
        #expect(table.read(AgentIdentity.id("a2").key) { $0.pingsFailed } == nil)
    }

    @Test func aKeysStableHashIsTheStableHashOfItsText() {
        for text in ["id:1", "email:someone@example.com", "", "id:ünïcode-agent"] {
            #expect(AgentKey(text).stableHash == StableHash.of(text))
        }
    }
}
