import Testing
@testable import PresenceCore

@Suite struct PingScheduleTests {
    let schedule = PingSchedule(origin: .zero, interval: .seconds(60), jitter: .seconds(2))

    @Test func phaseIsTheSameInEveryProcess() {
        // Golden value computed outside Swift (Python, FNV-1a + splitmix64): Swift's per-process
        // seeded Hasher would change it on every run.
        #expect(StableHash.of("id:ag001") == StableHash.of("id:ag001"))
        #expect(StableHash.of("") == StableHash.mix(0xcbf2_9ce4_8422_2325))
        #expect(StableHash.of("id:d9nKoegKSjmCtyK78") == 0x0517_0155_0ab7_cd8c)
        #expect(schedule.phase(of: AgentKey("id:ag001")) == schedule.phase(of: AgentKey("id:ag001")))
    }

    @Test func keysDifferingInTheirLastCharacterSpreadOverTheInterval() {
        let keys = ["id:ag001", "id:ag002", "id:ag003", "id:ag004", "id:ag005"].map(AgentKey.init)
        let phases = keys.map { schedule.phase(of: $0).seconds }.sorted()
        #expect(phases.last! - phases.first! > 20, "phases \(phases) cluster")
        let pair = [AgentKey("id:agentA"), AgentKey("id:agentB")].map { schedule.phase(of: $0).seconds }
        #expect(abs(pair[0] - pair[1]) > 1)
    }

    @Test func aThousandSequentialKeysFillEveryTenthOfTheInterval() {
        var buckets = [Int](repeating: 0, count: 10)
        for index in 0..<1000 {
            let phase = schedule.phase(of: AgentKey("id:agent\(index)"))
            #expect(phase >= .zero && phase < .seconds(60))
            buckets[Int(phase.seconds / 6)] += 1
        }
        #expect(buckets.allSatisfy { (60...140).contains($0) }, "\(buckets)")
    }

    @Test func jitterStaysWithinItsBoundAndVariesPerTick() {
        let key = AgentKey("id:x")
        let offsets = (0..<1000).map { schedule.jitterOffset(for: key, tick: Int64($0), seed: 7) }
        #expect(offsets.allSatisfy { $0 >= .seconds(-2) && $0 <= .seconds(2) })
        #expect(Set(offsets).count > 990)
        #expect(offsets.contains { $0 < .seconds(-1) } && offsets.contains { $0 > .seconds(1) })
    }

    @Test func nextTickSkipsMissedTicksAndKeepsHalfAnIntervalFromTheLastPing() {
        let phase = Duration.seconds(10)
        #expect(schedule.nextTick(after: 3, lastPing: .zero + .seconds(190), now: .zero + .seconds(190), phase: phase) == 4)
        // Woken ten intervals late: the next tick is the first one still ahead.
        #expect(schedule.nextTick(after: 3, lastPing: .zero + .seconds(790), now: .zero + .seconds(790), phase: phase) == 14)
        // The first ping went out off-grid at 1 s: the first grid tick is at least 32 s later.
        #expect(schedule.nextTick(after: nil, lastPing: .zero + .seconds(1), now: .zero + .seconds(1), phase: phase) == 1)
        #expect(schedule.nextTick(after: nil, lastPing: .zero + .seconds(1), now: .zero + .seconds(1), phase: .seconds(40)) == 0)
    }

    @Test func startupWindowIsAFewSecondsButNeverPastHalfAnInterval() {
        #expect(schedule.startupWindow(agentCount: 5) == .seconds(3))
        #expect(schedule.startupWindow(agentCount: 10_000) == .seconds(10))
        #expect(schedule.startupWindow(agentCount: 100_000) == .seconds(30))
        let short = PingSchedule(origin: .zero, interval: .seconds(2), jitter: .zero)
        #expect(short.startupWindow(agentCount: 3) == .seconds(1))
    }
}
