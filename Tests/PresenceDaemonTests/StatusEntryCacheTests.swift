import Foundation
import PresenceCore
import Testing
@testable import PresenceDaemon

/// The status file's writes reuse the entries of unchanged records, and only those: every
/// file reads as one written from scratch.
@Suite struct StatusEntryCacheTests {
    static let wallStart = Date(timeIntervalSince1970: 1_795_000_000)

    static func records(_ count: Int, at now: MonotonicTime) -> [AgentRecord] {
        (0..<count).map { index in
            var record = AgentRecord(spec: AgentSpec(identity: .id("agent-\(index)")), phase: .seconds(1))
            record.recordAttempt(at: now - .seconds(2))
            _ = record.record(.success(), at: now - .seconds(1), window: .seconds(120))
            record.nextPingAt = now + .seconds(Int64(index))
            return record
        }
    }

    static func snapshot(_ records: [AgentRecord], now: MonotonicTime, wall: Date, window: Duration = .seconds(120),
                         availability: AvailabilityView = AvailabilityView()) -> StatusSnapshot {
        StatusSnapshot(records: records, availability: availability, window: window, clock: FrozenClock(now: now, wallNow: wall), pid: 3,
                       config: .init(path: "/etc/c.yaml", generation: 1, loadedAt: "2026-11-24T18:00:00.000Z", lastReloadError: nil))
    }

    /// Streams `snapshot` through `cache`, in small chunks.
    static func write(_ snapshot: StatusSnapshot, cache: inout StatusEntryCache?) -> [UInt8] {
        var output: [UInt8] = []
        StatusJSONEncoder.stream(snapshot, chunkBytes: 512, cache: &cache) { output.append(contentsOf: $0) }
        return output
    }

    @Test func anUnchangedRecordsEntryIsReusedAndTheFileReadsAsNew() throws {
        let now = MonotonicTime.zero + .seconds(100)
        var records = Self.records(20, at: now)
        var cache: StatusEntryCache? = StatusEntryCache()
        let first = Self.snapshot(records, now: now, wall: Self.wallStart)
        #expect(Self.write(first, cache: &cache) == StatusJSONEncoder.encode(first))
        #expect(cache?.reusedEntries == 0)

        records[4].recordAttempt(at: now + .seconds(1))
        _ = records[4].record(.httpError(status: 500, message: "down"), at: now + .seconds(1), window: .seconds(120))
        // The wall clock read 300 µs later against the monotonic one: the same mapping.
        let second = Self.snapshot(records, now: now + .seconds(1), wall: Self.wallStart + 1.0003)
        let written = Self.write(second, cache: &cache)
        #expect(cache?.reusedEntries == 19)
        let aligned = second.rebased(onWallOffset: first.wallOffset)
        #expect(written == StatusJSONEncoder.encode(aligned))
        let document = try JSONDecoder().decode(StatusDocument.self, from: Data(written))
        #expect(document.agents[4].lastError != nil && document.agents[4].state == "retrying")
        #expect(document.updatedAt == "2026-11-18T11:06:41.000Z")
    }

    @Test func aChangedWindowShiftOrClockStepRewritesEveryEntry() {
        let now = MonotonicTime.zero + .seconds(100)
        let records = Self.records(10, at: now)
        var cache: StatusEntryCache? = StatusEntryCache()
        _ = Self.write(Self.snapshot(records, now: now, wall: Self.wallStart), cache: &cache)
        let changed = [
            Self.snapshot(records, now: now, wall: Self.wallStart, window: .seconds(180)),
            Self.snapshot(records, now: now, wall: Self.wallStart, availability: AvailabilityView(shifts: [.init(name: "x", isOn: true, changesAt: nil)])),
            Self.snapshot(records, now: now, wall: Self.wallStart + 5),
        ]
        for snapshot in changed {
            var fresh: StatusEntryCache? = cache
            #expect(Self.write(snapshot, cache: &fresh) == StatusJSONEncoder.encode(snapshot))
            #expect(fresh?.reusedEntries == 0)
        }
        var same: StatusEntryCache? = cache
        _ = Self.write(Self.snapshot(records, now: now, wall: Self.wallStart), cache: &same)
        #expect(same?.reusedEntries == 10)
    }

    @Test func aRosterBeyondTheLimitKeepsNoEntries() {
        let now = MonotonicTime.zero + .seconds(100)
        let records = Self.records(StatusEntryCache.maximumAgents + 1, at: now)
        var cache: StatusEntryCache? = StatusEntryCache()
        let snapshot = Self.snapshot(records, now: now, wall: Self.wallStart)
        _ = Self.write(snapshot, cache: &cache)
        _ = Self.write(snapshot, cache: &cache)
        #expect(cache?.context == nil && cache?.reusedEntries == 0)
    }

    @Test func withoutACacheNothingIsKept() {
        let now = MonotonicTime.zero + .seconds(100)
        var cache: StatusEntryCache?
        _ = Self.write(Self.snapshot(Self.records(3, at: now), now: now, wall: Self.wallStart), cache: &cache)
        #expect(cache == nil)
    }
}
