/// A token bucket shared by all agents that bounds retries to a share of first attempts.
///
/// Every first attempt earns `ratio` of a token (0.09: retries add at most about 10 % to the
/// healthy request rate, the floor included), a retry spends a whole one. The bucket holds at most `capacity`
/// tokens and starts with `floor`, so a single blip on a small roster can still be retried at
/// once, while a full outage cannot turn into a request storm.
public struct RetryBudget: Hashable, Sendable {
    /// Tokens earned per first attempt.
    public var ratio: Double
    /// The most tokens the bucket holds.
    public var capacity: Double
    /// Tokens available now.
    public private(set) var tokens: Double

    /// Creates a bucket that starts with `floor` tokens.
    public init(ratio: Double = 0.09, floor: Double = 3, capacity: Double? = nil) {
        self.ratio = ratio
        self.capacity = max(capacity ?? floor, floor)
        self.tokens = floor
    }

    /// Sizes the bucket for a roster: a floor of 3 tokens, room for a tenth of the roster.
    public static func forRoster(agents: Int) -> RetryBudget {
        RetryBudget(ratio: 0.09, floor: 3, capacity: max(3, Double(agents) / 10))
    }

    /// Credits a first attempt.
    public mutating func recordFirstAttempt() {
        tokens = min(capacity, tokens + ratio)
    }

    /// Spends a token for a retry; `false` when none is left.
    public mutating func takeRetryToken() -> Bool {
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
