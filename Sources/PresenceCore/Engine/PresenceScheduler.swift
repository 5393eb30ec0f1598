/// Keeps every enabled agent on its schedule: one timer per agent, one ping per tick, retries
/// inside the presence window, and the account's limits over all of them.
///
/// The scheduler is confined to the serial context of its ``TimerScheduling`` seam: every method
/// must be called there, and every timer handler and transport completion hops back there. That
/// confinement, not a lock, is what makes it safe to share (`@unchecked Sendable`).
///
/// Time, randomness, timers and the transport are parameters, so the same code runs on Dispatch
/// in the daemon and in virtual time in tests. The decisions themselves live in small value
/// types: ``PingSchedule`` (when), ``RetryPolicy`` and ``RetryBudget`` (whether to retry),
/// ``AccountGate``, ``RequestLedger`` and ``BudgetPlan`` (what the account allows).
public final class PresenceScheduler: @unchecked Sendable {
    /// The configuration in force, without its roster: the records hold the agents, and a
    /// second copy of 100,000 of them cost 11 MB.
    public internal(set) var config: PresenceConfig
    /// The grid all agents' ticks are placed on.
    public internal(set) var schedule: PingSchedule
    /// The interval the budget allows, and what it costs.
    public internal(set) var plan: BudgetPlan
    /// The account-wide state (pauses, learned limits).
    public internal(set) var gate = AccountGate()
    /// Increases on every change a report would show, so writers can skip unchanged states.
    public internal(set) var version: UInt64 = 0
    /// Requests in flight now.
    public internal(set) var inFlightCount = 0

    let clock: any PresenceClock
    let timers: any TimerScheduling
    let transport: any PingTransport
    let observer: any PresenceObserver
    let jitterSeed: UInt64
    var random: any RandomNumberGenerator
    var retryPolicy: RetryPolicy
    var retryBudget: RetryBudget
    var ledger = RequestLedger()
    var retryLedger = RequestLedger()
    var records = AgentTable()
    /// When agents removed by a reload last pinged, so that one added back soon keeps half an
    /// interval between its pings; entries older than an interval are dropped on each reload.
    var departedPings: [AgentKey: MonotonicTime] = [:]
    var armed: [AgentKey: any ArmedTimer] = [:]
    var retryTimers: [AgentKey: any ArmedTimer] = [:]
    var resumeTimer: (any ArmedTimer)?
    var waiting: [(key: AgentKey, kind: AttemptKind)] = []
    var waitingHead = 0
    var pacedSlot: MonotonicTime?
    var consecutiveTimeouts = 0
    var lastRecycleAt: MonotonicTime?
    var running = false
    var enabledCount = 0

    /// Why an attempt is made.
    enum AttemptKind {
        /// A regular tick.
        case tick
        /// A retry of a failed tick.
        case retry
    }

    /// Creates a scheduler for `config`; nothing is armed before ``start()``.
    ///
    /// `random` seeds the per-tick jitter and draws the retry backoffs; pass a seeded generator
    /// for reproducible runs. `retryPolicy` and `retryBudget` exist to compare policies; the
    /// defaults are the daemon's.
    public init(
        config: PresenceConfig,
        clock: any PresenceClock,
        timers: any TimerScheduling,
        transport: any PingTransport,
        random: any RandomNumberGenerator = SystemRandomNumberGenerator(),
        observer: any PresenceObserver = SilentPresenceObserver(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        retryBudget: RetryBudget? = nil
    ) {
        self.config = config
        self.clock = clock
        self.timers = timers
        self.transport = transport
        var random = random
        self.jitterSeed = random.next()
        self.random = random
        self.observer = observer
        let enabled = config.enabledAgentCount
        self.enabledCount = enabled
        self.plan = BudgetPlan.bestEffort(agents: enabled, ping: config.ping, budget: config.rateLimit.requestsPerHour)
        self.retryPolicy = retryPolicy
        self.retryBudget = retryBudget ?? RetryBudget.forRoster(agents: enabled)
        self.schedule = PingSchedule(origin: clock.now, interval: plan.interval, jitter: config.ping.jitter)
        records = AgentTable(config.agents.map { AgentRecord(spec: $0, phase: schedule.phase(of: $0.key)) })
        self.config.agents = []
    }

    /// Arms the first ping of every enabled agent, spread over the startup window.
    public func start() {
        guard !running else { return }
        running = true
        let now = clock.now
        schedule.origin = now
        armFirstPings(of: enabledKeys(), from: now)
        version &+= 1
    }

    /// Stops scheduling: cancels every timer, retry and queued ping. Requests in flight finish.
    public func stop() {
        running = false
        for timer in armed.values { timer.cancel() }
        for timer in retryTimers.values { timer.cancel() }
        resumeTimer?.cancel()
        armed.removeAll()
        retryTimers.removeAll()
        resumeTimer = nil
        waiting.removeAll()
        waitingHead = 0
        for key in records.keys { records[key]?.nextPingAt = nil }
        version &+= 1
    }

    /// The agents' records, in roster order.
    public func snapshot() -> [AgentRecord] {
        records.records
    }

    /// How many agents are in each state, without a snapshot.
    public var summary: RosterSummary {
        records.summary
    }

    /// The record of one agent.
    public func record(for key: AgentKey) -> AgentRecord? {
        records[key]
    }

    /// Moves agents whose presence window passed without a success to `lapsed`.
    public func refreshLapses() {
        let now = clock.now
        let window = config.ping.presenceWindow
        for candidate in records.records where candidate.state == .retrying || candidate.state == .online || candidate.state == .paused {
            guard candidate.lapseDeadline(window: window).map({ now >= $0 }) == true else { continue }
            var record = candidate
            if let transition = record.refreshLapse(at: now, window: window) {
                records[record.spec.key] = record
                version &+= 1
                observer.agentChanged(record, transition: transition, outcome: nil)
            }
        }
    }

    func enabledKeys() -> [AgentKey] {
        records.records.filter(\.spec.enabled).map(\.spec.key)
    }

    /// Arms the first ping of `keys`, spread over the startup window.
    ///
    /// With `respectingLastPing` (agents a reload added or re-enabled) never sooner than half an
    /// interval after the agent's last ping in this process: disabling and enabling again, or
    /// removing and adding back, must not buy an agent an early ping. A resume after a pause or
    /// a suspend re-pings at once instead: those agents are at risk of lapsing.
    func armFirstPings(of keys: [AgentKey], from now: MonotonicTime, respectingLastPing: Bool = false) {
        let window = schedule.startupWindow(agentCount: keys.count)
        for key in keys {
            guard var record = records[key] else { continue }
            var due = now + schedule.startupOffset(of: key, window: window)
            if respectingLastPing, let lastPing = record.lastAttemptAt ?? departedPings[key] {
                due = max(due, lastPing + schedule.interval / 2)
            }
            record.tick = nil
            record.nextPingAt = due
            records[key] = record
            arm(key, at: due)
        }
    }

    func arm(_ key: AgentKey, at due: MonotonicTime) {
        armed[key]?.cancel()
        armed[key] = timers.arm(at: due, leeway: schedule.timerLeeway) { [weak self] in
            self?.fire(key)
        }
    }

    func armNextTick(_ key: AgentKey, after now: MonotonicTime) {
        guard var record = records[key] else { return }
        let tick = schedule.nextTick(after: record.tick, lastPing: now, now: now, phase: record.phase)
        let due = max(now, schedule.dueTime(of: key, phase: record.phase, tick: tick, seed: jitterSeed))
        record.tick = tick
        record.nextPingAt = due
        records[key] = record
        arm(key, at: due)
    }
}
