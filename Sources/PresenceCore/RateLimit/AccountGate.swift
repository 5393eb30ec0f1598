/// The account-wide state: Brevo's answers that concern every agent at once.
///
/// A 429 pauses all agents until Brevo's reset; a refused key (401/402/403) pauses all agents
/// and lets only one probe through every `probeInterval`. Low `x-sib-ratelimit-remaining`
/// paces requests before Brevo has to say 429.
public struct AccountGate: Hashable, Sendable {
    /// Why the account is held back.
    public enum Pause: Hashable, Sendable {
        /// Rate-limited until the given time.
        case rateLimited(until: MonotonicTime)
        /// The key was refused; the next probe may go at the given time.
        case refused(nextProbeAt: MonotonicTime)
    }

    /// What the gate says about a request now.
    public enum Admission: Hashable, Sendable {
        /// Send it.
        case send
        /// Send it as the account's probe: its outcome decides whether the pause ends.
        case probe
        /// Do not send it before the given time.
        case hold(until: MonotonicTime)
    }

    /// A change of the account's state, logged once.
    public enum Change: Hashable, Sendable {
        /// The account was paused.
        case paused(Pause, PingOutcome)
        /// The pause ended.
        case resumed
    }

    /// The pause in force.
    public private(set) var pause: Pause?
    /// Why the pause started, in one line.
    public private(set) var pauseReason: String?
    /// The budget Brevo reported in `x-sib-ratelimit-limit`.
    public private(set) var learnedLimit: Int?
    /// Time between two probes while the key is refused.
    public var probeInterval: Duration
    private var probeInFlight = false
    private var remaining: Int?
    private var resetAt: MonotonicTime?

    /// The shortest and longest pause a rate limit may cause.
    public static let pauseRange: ClosedRange<Duration> = .seconds(1) ... .seconds(3600)
    /// The pause when a 429 names no reset.
    public static let defaultPause: Duration = .seconds(60)

    /// Creates an open gate.
    public init(probeInterval: Duration = .seconds(180)) {
        self.probeInterval = probeInterval
    }

    /// Whether a request may go now; `pacing` is the spacing wanted while `remaining` is low.
    public mutating func admission(at now: MonotonicTime) -> Admission {
        switch pause {
        case .rateLimited(let until)?:
            return now >= until ? .send : .hold(until: until)
        case .refused(let nextProbeAt)?:
            guard !probeInFlight, now >= nextProbeAt else { return .hold(until: max(nextProbeAt, now + probeInterval / 10)) }
            probeInFlight = true
            return .probe
        case nil:
            return .send
        }
    }

    /// The spacing to keep between requests while Brevo's window is nearly used up, or `nil`.
    ///
    /// The roster wants `perSecond` first attempts a second; when fewer requests remain than it
    /// will want before the window resets, the remaining ones are spread evenly up to the reset.
    public func pacing(at now: MonotonicTime, perSecond: Double) -> Duration? {
        guard let remaining, let resetAt, resetAt > now else { return nil }
        let due = perSecond * (resetAt - now).seconds
        guard Double(remaining) < due else { return nil }
        return (resetAt - now) / max(remaining, 1)
    }

    /// When Brevo said no request is left in its window: the window's reset, until then.
    public func exhausted(at now: MonotonicTime) -> MonotonicTime? {
        guard remaining == 0, let resetAt, resetAt > now else { return nil }
        return resetAt
    }

    /// Learns from an outcome; returns the account change it caused, if any.
    public mutating func record(_ outcome: PingOutcome, at now: MonotonicTime, wasProbe: Bool) -> Change? {
        if wasProbe { probeInFlight = false }
        learn(outcome.rateLimit, at: now)
        switch FailureDisposition(outcome) {
        case .rateLimited?:
            let wait = outcome.rateLimit.retryAfter ?? outcome.rateLimit.reset ?? Self.defaultPause
            let until = now + min(max(wait, Self.pauseRange.lowerBound), Self.pauseRange.upperBound)
            if case .rateLimited(let current)? = pause, current >= until { return nil }
            let isNew = pause == nil
            let newPause = Pause.rateLimited(until: until)
            pause = newPause
            pauseReason = "rate limited by Brevo (HTTP 429) until the window resets"
            return isNew ? .paused(newPause, outcome) : nil
        case .accountRefused?:
            let isNew: Bool
            if case .refused? = pause { isNew = false } else { isNew = true }
            let newPause = Pause.refused(nextProbeAt: now + probeInterval)
            pause = newPause
            pauseReason = "Brevo refused the API key (HTTP \(outcome.status ?? 0)): wrong key, key revoked, or this server's IP is not in Brevo's authorized IPs list"
            return isNew ? .paused(newPause, outcome) : nil
        case nil where pause != nil:
            if case .rateLimited(let until)? = pause, now < until { return nil }
            pause = nil
            pauseReason = nil
            return .resumed
        default:
            return nil
        }
    }

    /// Lets the next request go as a probe at once while the key is refused: a reload may
    /// have brought the key that works, and the operator should not wait minutes to see it.
    public mutating func probeSoon(at now: MonotonicTime) {
        guard case .refused(let nextProbeAt)? = pause, nextProbeAt > now else { return }
        pause = .refused(nextProbeAt: now)
    }

    /// Ends a rate-limit pause whose time has come; returns `.resumed` when it did.
    public mutating func expire(at now: MonotonicTime) -> Change? {
        guard case .rateLimited(let until)? = pause, now >= until else { return nil }
        pause = nil
        pauseReason = nil
        return .resumed
    }

    private mutating func learn(_ info: RateLimitInfo, at now: MonotonicTime) {
        if let limit = info.limit, limit > 0 { learnedLimit = limit }
        if let remaining = info.remaining { self.remaining = remaining }
        if let reset = info.reset { resetAt = now + reset }
    }
}
