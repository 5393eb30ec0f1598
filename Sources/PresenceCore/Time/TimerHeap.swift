/// A min-heap of deadlines: the data structure behind one timer serving many.
///
/// Entries with equal deadlines come out in insertion order. Inlinable so that the daemon's
/// module specialises it for its payload: unspecialised, every sift copied entries through
/// value witnesses, 8 % of the daemon's CPU at 100,000 agents.
public struct TimerHeap<Payload>: Sendable where Payload: Sendable {
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var deadline: MonotonicTime
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(deadline: MonotonicTime, sequence: UInt64, payload: Payload) {
            self.deadline = deadline
            self.sequence = sequence
            self.payload = payload
        }
    }

    @usableFromInline var entries: [Entry] = []
    @usableFromInline var sequence: UInt64 = 0

    /// Creates an empty heap.
    @inlinable
    public init() {}

    /// How many entries the heap holds.
    @inlinable
    public var count: Int { entries.count }

    /// The earliest entry, if any.
    @inlinable
    public var earliest: (deadline: MonotonicTime, payload: Payload)? {
        entries.first.map { ($0.deadline, $0.payload) }
    }

    /// Adds `payload` due at `deadline`.
    @inlinable
    public mutating func push(_ payload: Payload, at deadline: MonotonicTime) {
        sequence &+= 1
        entries.append(Entry(deadline: deadline, sequence: sequence, payload: payload))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry if it is due at `time`.
    @inlinable
    public mutating func popDue(at time: MonotonicTime) -> (deadline: MonotonicTime, payload: Payload)? {
        guard let first = entries.first, first.deadline <= time else { return nil }
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, less(entries[left], entries[smallest]) { smallest = left }
            if right < entries.count, less(entries[right], entries[smallest]) { smallest = right }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return (first.deadline, first.payload)
    }

    @inlinable
    func less(_ a: Entry, _ b: Entry) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence
    }
}
