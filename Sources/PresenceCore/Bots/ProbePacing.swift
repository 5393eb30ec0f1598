/// When a bot's probes go out: on a grid of its own, one slot per interval at a phase taken
/// from its name's stable hash (so probes never march in step with the pings, and a restart
/// keeps the second of the minute the Broker sees them at), with a small jitter per probe.
///
/// After a start, a reload that changed the bot, or its settings' key, the first probe goes out
/// within ``firstWindow`` instead, so that its agents do not wait long for their first verdict.
/// A Broker that answers 429 or 5xx is given room: the next probe backs off, exponentially,
/// and never sooner than its `Retry-After`.
public struct ProbePacing: Hashable, Sendable {
    /// How soon after a start (or a change) the first probe goes out, at most.
    public static let firstWindow = Duration.seconds(2)
    /// The longest `Retry-After` honoured.
    public static let longestRetryAfter = Duration.seconds(3600)

    /// The bot's name, which places it on the grid.
    public let bot: String
    /// One slot per interval.
    public var interval: Duration
    /// The grid's zero.
    public var origin: MonotonicTime
    /// Varies the jitter between runs; the same seed gives the same probes.
    public let seed: UInt64

    /// Creates the pacing of `bot`.
    public init(bot: String, interval: Duration, origin: MonotonicTime, seed: UInt64) {
        self.bot = bot
        self.interval = interval
        self.origin = origin
        self.seed = seed
    }

    /// Where the bot's slots sit within an interval.
    public var phase: Duration {
        .nanoseconds(Int64(StableHash.unitInterval("bot:" + bot) * Double(interval.nanoseconds)))
    }

    /// The first probe after a start or a change at `now`: within ``firstWindow`` (or half an
    /// interval, if shorter), spread by the bot's hash so that many bots do not start at once.
    public func firstDue(from now: MonotonicTime) -> MonotonicTime {
        let window = min(Self.firstWindow, interval / 2)
        return now + .nanoseconds(Int64(StableHash.unitInterval("first:" + bot) * Double(window.nanoseconds)))
    }

    /// The next regular probe after one that started at `last`: the first slot at least half an
    /// interval later, moved by a jitter of up to ±5 % of the interval (at most ±3 s).
    public func nextDue(after last: MonotonicTime) -> MonotonicTime {
        let step = interval.nanoseconds
        let earliest = (last + interval / 2 - origin - phase).nanoseconds
        let slot = earliest <= 0 ? 0 : (earliest + step - 1) / step
        let grid = origin + phase + .nanoseconds(slot &* step)
        return grid + jitter(slot: slot)
    }

    /// How long to wait after the `level`th failure in a row that asked for room (429, 5xx):
    /// two intervals, then four, at most four; never less than the Broker's `Retry-After`.
    public func backoff(level: Int, retryAfter: Duration?) -> Duration {
        let factor = Int64(1) << Int64(min(max(level, 1), 2))
        let wait = interval * Int(factor)
        guard let retryAfter else { return wait }
        return max(wait, min(retryAfter, Self.longestRetryAfter))
    }

    private func jitter(slot: Int64) -> Duration {
        let spread = min(interval.nanoseconds / 20, Duration.seconds(3).nanoseconds)
        guard spread > 0 else { return .zero }
        let draw = StableHash.mix(seed ^ StableHash.of(bot) ^ UInt64(bitPattern: slot))
        let unit = Double(draw >> 11) / Double(UInt64(1) << 53)
        return .nanoseconds(Int64((unit * 2 - 1) * Double(spread)))
    }
}
