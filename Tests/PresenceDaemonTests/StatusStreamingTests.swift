import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The status file streamed in chunks: the same bytes as one piece, and nothing replaced
/// when the stream breaks off.
@Suite struct StatusStreamingTests {
    static func snapshot(agents count: Int, bots: [BotReport] = []) -> StatusSnapshot {
        let clock = FrozenClock(now: .zero + .seconds(1000), wallNow: Date(timeIntervalSince1970: 1_795_000_000))
        let records = (0..<count).map { index in
            let bot = bots.isEmpty || !index.isMultiple(of: 2) ? nil : bots[index / 2 % bots.count].name
            var record = AgentRecord(spec: AgentSpec(identity: .id("agent-\(index)"), label: index == 3 ? "Liz \"L\"" : nil, bot: bot),
                                     phase: .seconds(1))
            record.recordAttempt(at: clock.now - .seconds(2))
            _ = record.record(.success(), at: clock.now - .seconds(1), window: .seconds(120))
            return record
        }
        return StatusSnapshot(records: records, bots: bots, window: .seconds(120), clock: clock, pid: 7,
                              config: .init(path: "/etc/c.yaml", generation: 2, loadedAt: "2026-11-24T18:00:00.000Z", lastReloadError: nil))
    }

    @Test func smallChunksGiveTheSameBytesAsOnePiece() {
        let snapshot = Self.snapshot(agents: 50)
        var chunks: [[UInt8]] = []
        StatusJSONEncoder.stream(snapshot, chunkBytes: 700) { chunks.append(Array($0)) }
        #expect(chunks.count > 5)
        #expect(chunks.dropLast().allSatisfy { $0.count >= 700 })
        #expect(Array(chunks.joined()) == StatusJSONEncoder.encode(snapshot))
        #expect(StatusJSONEncoder.encode(snapshot) == StatusJSONEncoder.encode(snapshot.document))
    }

    @Test func theSnapshotSaysWhatTheDocumentFromRecordsSays() throws {
        let snapshot = Self.snapshot(agents: 5)
        let document = try JSONDecoder().decode(StatusDocument.self, from: StatusFileWriter.encode(snapshot))
        #expect(document == snapshot.document)
        #expect(document.summary["online"] == 5)
        #expect(document.agents[3].label == "Liz \"L\"")
        #expect(document.agents[0].lastSuccessAt == "2026-11-18T11:06:39.000Z")
    }

    /// Bots in three states, probed in the five minutes before the snapshot.
    static func bots() -> [BotReport] {
        let start = MonotonicTime.zero + .seconds(700)
        var up = BotHealth(since: start)
        up.record(.healthy(answerTexts: ["Hi"], latency: .milliseconds(143)), at: start + .seconds(60), downAfter: 2, upAfter: 1)
        var down = up
        for minute in 2...3 {
            down.record(.failed(.http(status: 462, message: "NLP \"down\""), status: 462, latency: .milliseconds(80)),
                        at: start + .seconds(60 * Int64(minute)), downAfter: 2, upAfter: 1)
        }
        return [BotReport(name: "zeta", health: down), BotReport(name: "helpbot", health: up),
                BotReport(name: "faq", health: BotHealth(since: start))]
    }

    @Test func withBotsTheStreamAndTheDocumentAgree() throws {
        let snapshot = Self.snapshot(agents: 20, bots: Self.bots())
        var chunks: [[UInt8]] = []
        StatusJSONEncoder.stream(snapshot, chunkBytes: 300) { chunks.append(Array($0)) }
        #expect(Array(chunks.joined()) == StatusJSONEncoder.encode(snapshot))
        #expect(StatusJSONEncoder.encode(snapshot) == StatusJSONEncoder.encode(snapshot.document))
        let document = try JSONDecoder().decode(StatusDocument.self, from: StatusFileWriter.encode(snapshot))
        #expect(document == snapshot.document)
        #expect(document.bots.keys.sorted() == ["faq", "helpbot", "zeta"])
        #expect(document.bots["zeta"]?.state == "down" && document.bots["zeta"]?.lastError == "HTTP 462 (NLP communication error): NLP \"down\"")
        #expect(document.bots["zeta"]?.lastOKAt == "2026-11-18T11:02:40.000Z" && document.bots["zeta"]?.latencyMS == 80)
        #expect(document.bots["helpbot"]?.state == "up" && document.bots["helpbot"]?.latencyMS == 143)
        #expect(document.bots["faq"]?.lastProbeAt == nil && document.bots["faq"]?.since == "2026-11-18T11:01:40.000Z")
        #expect(document.agents.map(\.bot).prefix(4) == ["zeta", nil, "helpbot", nil])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(snapshot.document)) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: StatusFileWriter.encode(snapshot)) as? NSDictionary == reference)
    }

    @Test func aStreamThatBreaksOffLeavesThePreviousFileAndNoTemporary() throws {
        let folder = NSTemporaryDirectory() + "status-stream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/status.json"
        try AtomicFile.write(Data("old\n".utf8), to: path)
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try AtomicFile.write(to: path) { write in
                try Array("{\"half".utf8).withUnsafeBytes { try write($0) }
                throw Broken()
            }
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["status.json"])
    }
}
