/// One Brevo account's running state: everything account-wide the scheduler decides with.
///
/// A 429 or a refused key pauses this account's gate only; its ledger, plan and retry budget
/// count only its own agents' requests. The scheduler keeps one per account, in an array its
/// agent records point into, so finding an agent's account costs an index, not a lookup.
public struct PresenceAccount: Sendable {
    /// The account as configured.
    public internal(set) var settings: AccountSettings
    /// The interval the account's budget allows its agents, and what it costs.
    public internal(set) var plan: BudgetPlan
    /// The grid the account's agents' ticks are placed on (the plan's interval).
    public internal(set) var schedule: PingSchedule
    /// Pauses, probes and what Brevo reported about the account's limit.
    public internal(set) var gate = AccountGate()
    /// Enabled agents of this account on shift at once at the busiest moment of the week
    /// (all of them without schedules): what its plan, pacing and retry budget are sized for.
    public internal(set) var plannedAgents: Int
    /// Bounds the account's retries.
    var retryBudget: RetryBudget
    /// The account's requests in the last hour, kept while it has a configured budget.
    var ledger = RequestLedger()
    /// The retries among them.
    var retryLedger = RequestLedger()
    /// Every request sent for it, for `requests_last_hour`.
    var sent = MinuteCounter()
    /// The next slot a tick may use while Brevo's `remaining` is low.
    var pacedSlot: MonotonicTime?
    /// Timeouts in a row, to spot stuck pooled connections.
    var consecutiveTimeouts = 0
    /// When this account last had the connections recycled.
    var lastRecycleAt: MonotonicTime?
    /// Ends a rate-limit pause when its time comes.
    var resumeTimer: (any ArmedTimer)?

    /// The account's name.
    public var name: String { settings.name }

    /// Creates the state of an account with `plannedAgents` enabled agents; `retryBudget`
    /// replaces the bucket sized for the roster (to compare policies).
    init(settings: AccountSettings, plannedAgents: Int, ping: PingSettings, origin: MonotonicTime, retryBudget: RetryBudget?) {
        self.settings = settings
        self.plannedAgents = plannedAgents
        self.plan = BudgetPlan.bestEffort(agents: plannedAgents, ping: ping, budget: settings.rateLimit.requestsPerHour)
        self.schedule = PingSchedule(origin: origin, interval: plan.interval, jitter: ping.jitter)
        self.retryBudget = retryBudget ?? RetryBudget.forRoster(agents: plannedAgents)
    }

    /// Requests sent in the hour up to `now`, to the minute.
    public func requestsLastHour(at now: MonotonicTime) -> Int {
        sent.count(at: now)
    }

    /// `active`, `paused` (refused key) or `rate_limited`, as the status file says.
    public var stateName: String {
        switch gate.pause {
        case nil: "active"
        case .rateLimited?: "rate_limited"
        case .refused?: "paused"
        }
    }
}
