/// The send times of the last hour, so that no sliding hour ever exceeds a known budget.
///
/// Brevo's window alignment is unknown; keeping every sliding hour under the budget keeps
/// every fixed window under it too.
public struct RequestLedger: Hashable, Sendable {
    /// The window the budget applies to.
    public static let window: Duration = .seconds(3600)
    private var times: [MonotonicTime] = []
    private var head = 0

    /// Creates an empty ledger.
    public init() {}

    /// Records a request sent at `time`.
    public mutating func record(_ time: MonotonicTime) {
        prune(time)
        times.append(time)
    }

    /// Times kept in storage: never more than the last hour's (plus at most 1,024 pruned ones
    /// awaiting compaction).
    var storedCount: Int { times.count }

    /// Requests sent within the hour before `now`.
    public mutating func count(at now: MonotonicTime) -> Int {
        prune(now)
        return times.count - head
    }

    private mutating func prune(_ now: MonotonicTime) {
        while head < times.count, times[head] + Self.window <= now { head += 1 }
        if head > 1024, head * 2 > times.count {
            times.removeFirst(head)
            head = 0
        }
    }
}
