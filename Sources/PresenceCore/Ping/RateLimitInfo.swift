/// Brevo's rate-limit headers of one response, parsed.
public struct RateLimitInfo: Hashable, Sendable {
    /// `x-sib-ratelimit-limit`: the window's request budget.
    public var limit: Int?
    /// `x-sib-ratelimit-remaining`: requests left in the window.
    public var remaining: Int?
    /// `x-sib-ratelimit-reset`: time until the window resets.
    public var reset: Duration?
    /// `Retry-After`, from either the seconds or the HTTP-date form, relative to the response.
    public var retryAfter: Duration?

    /// Creates rate-limit information.
    public init(limit: Int? = nil, remaining: Int? = nil, reset: Duration? = nil, retryAfter: Duration? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.retryAfter = retryAfter
    }

    /// Whether any header was present.
    public var isEmpty: Bool { limit == nil && remaining == nil && reset == nil && retryAfter == nil }
}
