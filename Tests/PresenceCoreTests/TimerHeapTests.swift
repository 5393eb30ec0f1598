import Testing
@testable import PresenceCore

@Suite struct TimerHeapTests {
    @Test func popsDueEntriesInDeadlineThenInsertionOrder() {
        var heap = TimerHeap<String>()
        var random = SeededRandom(seed: 5)
        var expected: [(Int64, Int, String)] = []
        for index in 0..<500 {
            let deadline = Int64.random(in: 0..<100, using: &random)
            heap.push("e\(index)", at: MonotonicTime(nanoseconds: deadline))
            expected.append((deadline, index, "e\(index)"))
        }
        expected.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        #expect(heap.popDue(at: MonotonicTime(nanoseconds: -1)) == nil)
        var popped: [String] = []
        while let entry = heap.popDue(at: MonotonicTime(nanoseconds: 49)) { popped.append(entry.payload) }
        #expect(popped == expected.filter { $0.0 <= 49 }.map(\.2))
        #expect(heap.earliest.map { $0.deadline.nanoseconds >= 50 } == true)
        while let entry = heap.popDue(at: MonotonicTime(nanoseconds: 1000)) { popped.append(entry.payload) }
        #expect(popped == expected.map(\.2))
        #expect(heap.count == 0 && heap.earliest == nil)
    }
}
