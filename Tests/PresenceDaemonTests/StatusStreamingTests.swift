import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The status file streamed in chunks: the same bytes as one piece, and nothing replaced
/// when the stream breaks off.
@Suite struct StatusStreamingTests {
    static func snapshot(agents count: Int) -> StatusSnapshot {
        let clock = FrozenClock(now: .zero + .seconds(1000), wallNow: Date(timeIntervalSince1970: 1_795_000_000))
        let records = (0..<count).map { index in
            var record = AgentRecord(spec: AgentSpec(identity: .id("agent-\(index)"), label: index == 3 ? "Liz \"L\"" : nil), phase: .seconds(1))
            record.recordAttempt(at: clock.now - .seconds(2))
            _ = record.record(.success(), at: clock.now - .seconds(1), window: .seconds(120))
            return record
        }
        return StatusSnapshot(records: records, window: .seconds(120), clock: clock, pid: 7,
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
