/// A bot's allowance of probes: a few at once, refilled at two per interval, so that however
/// often it is re-probed (reloads, a flapping key), it never sees more than about three probes
/// an interval.
public struct ProbeBudget: Hashable, Sendable {
    /// The most probes that may go out back to back.
    public static let capacity = 3.0

    /// Probes that may go out now (fractional while refilling).
    public private(set) var tokens = ProbeBudget.capacity
    /// One token comes back every `refill`.
    public var refill: Duration
    private var updatedAt: MonotonicTime

    /// A full budget for a bot probed every `interval`, as of `now`.
    public init(interval: Duration, at now: MonotonicTime) {
        refill = max(interval / 2, .seconds(1))
        updatedAt = now
    }

    /// The earliest time from `now` at which a probe may go out.
    public func availableAt(_ now: MonotonicTime) -> MonotonicTime {
        let level = tokens(at: now)
        guard level < 1 else { return now }
        return now + .nanoseconds(Int64((1 - level) * Double(refill.nanoseconds)))
    }

    /// Spends one probe at `now` (the caller checked ``availableAt(_:)``).
    public mutating func spend(at now: MonotonicTime) {
        tokens = max(0, tokens(at: now) - 1)
        updatedAt = max(updatedAt, now)
    }

    private func tokens(at now: MonotonicTime) -> Double {
        guard now > updatedAt else { return tokens }
        let earned = Double((now - updatedAt).nanoseconds) / Double(refill.nanoseconds)
        return min(Self.capacity, tokens + earned)
    }
}
