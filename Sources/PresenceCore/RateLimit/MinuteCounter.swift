/// Counts events over the last hour in one-minute buckets: constant memory and time whatever
/// the rate, where a ledger of timestamps would hold six million entries at 100,000 agents.
public struct MinuteCounter: Hashable, Sendable {
    private var buckets = [Int](repeating: 0, count: 60)
    private var minutes = [Int64](repeating: .min, count: 60)

    /// Creates an empty counter.
    public init() {}

    /// Counts one event at `time`.
    public mutating func record(_ time: MonotonicTime) {
        let minute = Self.minute(of: time)
        let slot = Int(minute.remainderReportingOverflow(dividingBy: 60).partialValue + 60) % 60
        if minutes[slot] != minute {
            minutes[slot] = minute
            buckets[slot] = 0
        }
        buckets[slot] += 1
    }

    /// Events in the hour up to `now`, to the minute.
    public func count(at now: MonotonicTime) -> Int {
        let current = Self.minute(of: now)
        var total = 0
        for slot in 0..<60 where minutes[slot] > current - 60 && minutes[slot] <= current {
            total += buckets[slot]
        }
        return total
    }

    private static func minute(of time: MonotonicTime) -> Int64 {
        let nanoseconds = time.nanoseconds
        let perMinute: Int64 = 60_000_000_000
        return nanoseconds >= 0 ? nanoseconds / perMinute : (nanoseconds - perMinute + 1) / perMinute
    }
}
