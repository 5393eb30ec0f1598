/// A token bucket shared by all agents that bounds retries.
///
/// Every first attempt earns `attemptRatio` of a token (a tenth, floor included: at a full
/// outage retries add at most about 10 % to the healthy request rate) and every success earns
/// `successRatio` (two): while Brevo answers some pings, retries are worth their cost and the bucket
/// refills as fast as they succeed; when nothing succeeds it dries up. A retry spends a whole
/// token. The bucket holds at most `capacity` and starts with `floor`, so a single blip on a
/// small roster is retried at once.
public struct RetryBudget: Hashable, Sendable {
    /// Tokens earned per first attempt.
    public var attemptRatio: Double
    /// Tokens earned per success.
    public var successRatio: Double
    /// The most tokens the bucket holds.
    public var capacity: Double
    /// Tokens available now.
    public private(set) var tokens: Double

    /// Creates a bucket that starts with `floor` tokens.
    public init(attemptRatio: Double = 0.09, successRatio: Double = 2, floor: Double = 3, capacity: Double? = nil) {
        self.attemptRatio = attemptRatio
        self.successRatio = successRatio
        self.capacity = max(capacity ?? floor, floor)
        self.tokens = floor
    }

    /// Sizes the bucket for a roster: a floor of 3 tokens, room for a quarter of the roster.
    public static func forRoster(agents: Int) -> RetryBudget {
        RetryBudget(floor: 3, capacity: max(3, Double(agents) / 4))
    }

    /// A bucket that never runs dry: plain retries, only to compare with in the fault runs.
    public static let unlimited = RetryBudget(attemptRatio: 0, successRatio: 0, floor: .greatestFiniteMagnitude)

    /// Credits a first attempt.
    public mutating func recordFirstAttempt() {
        tokens = min(capacity, tokens + attemptRatio)
    }

    /// Credits a success.
    public mutating func recordSuccess() {
        tokens = min(capacity, tokens + successRatio)
    }

    /// Spends a token for a retry; `false` when none is left.
    public mutating func takeRetryToken() -> Bool {
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
