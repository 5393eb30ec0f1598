/// Keeps every enabled agent on its schedule: one timer per agent, one ping per tick, retries
/// inside the presence window, and each account's limits over its agents.
///
/// The scheduler is confined to the serial context of its ``TimerScheduling`` seam: every method
/// must be called there, and every timer handler and transport completion hops back there. That
/// confinement, not a lock, is what makes it safe to share (`@unchecked Sendable`).
///
/// Time, randomness, timers and the transport are parameters, so the same code runs on Dispatch
/// in the daemon and in virtual time in tests. The decisions themselves live in small value
/// types: ``PingSchedule`` (when), ``RetryPolicy`` and ``RetryBudget`` (whether to retry), and
/// per account a ``PresenceAccount`` with its ``AccountGate``, ``RequestLedger`` and
/// ``BudgetPlan`` (what the account allows). One timer heap and one transport serve all accounts.
public final class PresenceScheduler: @unchecked Sendable {
    /// The configuration in force, without its roster: the records hold the agents, and a
    /// second copy of 100,000 of them cost 11 MB.
    public internal(set) var config: PresenceConfig {
        didSet { stallThreshold = Self.stallThreshold(of: config) }
    }
    /// A timer that fires this late means the scheduler did not run: a suspend or a stall.
    /// Kept, not worked out per ping: halving a `Duration` is 128-bit arithmetic.
    private(set) var stallThreshold: Duration
    /// Every account's running state, in config order; each record's
    /// ``AgentRecord/accountIndex`` points in here.
    public internal(set) var accounts: [PresenceAccount] = []
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
    /// The bucket each account starts with, when a caller chose one (to compare policies).
    let retryBudgetOverride: RetryBudget?
    var records = AgentTable()
    /// When agents removed by a reload last pinged, so that one added back soon keeps half an
    /// interval between its pings; entries older than an interval are dropped on each reload.
    var departedPings: [AgentKey: MonotonicTime] = [:]
    var armed: [AgentKey: any ArmedTimer] = [:]
    var retryTimers: [AgentKey: any ArmedTimer] = [:]
    /// Run-time overrides, one source of each agent's availability.
    var overrides = OverrideBook()
    /// Ends each override with an `until` at its time.
    var overrideTimers: [AgentKey: any ArmedTimer] = [:]
    /// The schedules in use, each agent's record pointing in by ``AgentRecord/shiftIndex``.
    var shifts: [ShiftTrack] = []
    /// The timer of each schedule's next boundary, by position in ``shifts``.
    var shiftTimers: [Int: any ArmedTimer] = [:]
    /// Changes when a reload rebuilds ``shifts``, so a boundary timer of the old ones is void.
    var shiftLayout = 0
    /// Probes the bots: the bot health source.
    let prober: BotProber
    /// Holds this node's side of a cluster's lease: the leader source (none outside a cluster).
    var cluster: ClusterCoordinator?
    var waiting: [(key: AgentKey, kind: AttemptKind)] = []
    var waitingHead = 0
    var running = false
    /// The grid's zero, shared by every account's schedule.
    var origin: MonotonicTime
    /// Changes whenever a reload rearranges ``accounts``, so indices held by requests in
    /// flight are known to be stale.
    var accountLayout = 0

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
    /// defaults are the daemon's (a bucket per account, sized for its roster).
    public init(
        config: PresenceConfig,
        clock: any PresenceClock,
        timers: any TimerScheduling,
        transport: any PingTransport,
        random: any RandomNumberGenerator = SystemRandomNumberGenerator(),
        observer: any PresenceObserver = SilentPresenceObserver(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        retryBudget: RetryBudget? = nil,
        probeTransport: any ProbeTransport = UnavailableProbeTransport()
    ) {
        self.config = config
        self.stallThreshold = Self.stallThreshold(of: config)
        self.clock = clock
        self.timers = timers
        self.transport = transport
        var random = random
        self.jitterSeed = random.next()
        self.random = random
        self.observer = observer
        self.retryPolicy = retryPolicy
        self.retryBudgetOverride = retryBudget
        self.origin = clock.now
        self.prober = BotProber(bots: config.bots, clock: clock, timers: timers, transport: probeTransport, seed: jitterSeed)
        let indices = Self.accountIndices(of: config)
        let plannedCounts = config.peakOnAgentCounts(around: clock.wallDate(at: origin))
        accounts = config.accounts.enumerated().map { index, settings in
            PresenceAccount(settings: settings, plannedAgents: plannedCounts[index], ping: config.ping,
                            origin: origin, retryBudget: retryBudget)
        }
        records = AgentTable(config.agents.map { spec in
            let index = indices[spec.accountName] ?? 0
            var record = AgentRecord(spec: spec, phase: accounts[index].schedule.phase(of: spec.key))
            record.accountIndex = index
            return record
        })
        rebuildShifts(for: config, specs: config.agents, at: origin)
        self.config.agents = []
        prober.onChange = { [weak self] bot, from, to in self?.botChanged(bot, from: from, to: to) }
        prober.onProbe = { [weak self] bot, outcome in self?.botProbed(bot, outcome: outcome) }
    }

    /// Arms the first ping of every enabled agent, spread over the startup window; a bot's
    /// agents wait for its first good probe, which goes out within a few seconds.
    public func start() {
        guard !running else { return }
        running = true
        let now = clock.now
        origin = now
        for index in accounts.indices { accounts[index].schedule.origin = now }
        armRestoredOverrides(at: now)
        prober.start()
        cluster?.start()
        for index in shifts.indices {
            shifts[index].evaluate(at: now, wallNow: clock.wallDate(at: now))
            armShiftTimer(index)
        }
        reconsider(records.keys, at: now, respectingLastPing: false)
        version &+= 1
    }

    /// Stops scheduling: cancels every timer, retry and queued ping. Requests in flight finish.
    public func stop() {
        running = false
        for timer in armed.values { timer.cancel() }
        for timer in retryTimers.values { timer.cancel() }
        for timer in overrideTimers.values { timer.cancel() }
        overrideTimers.removeAll()
        for timer in shiftTimers.values { timer.cancel() }
        shiftTimers.removeAll()
        prober.stop()
        cluster?.stop()
        for index in accounts.indices {
            accounts[index].resumeTimer?.cancel()
            accounts[index].resumeTimer = nil
        }
        armed.removeAll()
        retryTimers.removeAll()
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

    /// How many agents of each account (in ``accounts`` order) are in each state: one pass
    /// over the roster.
    public func summariesByAccount() -> [RosterSummary] {
        records.summaries(accounts: accounts.count)
    }

    /// The record of one agent.
    public func record(for key: AgentKey) -> AgentRecord? {
        records[key]
    }

    /// Moves agents whose presence window passed without a success to `lapsed`.
    public func refreshLapses() {
        let now = clock.now
        let window = config.ping.presenceWindow
        // Keys first: assigning to the table while walking its records would copy all of them.
        // By index: a closure over the records gets a copy of each (10,000 a second). The
        // block ends the second reference to the array before any record is assigned.
        var due: [AgentKey] = []
        do {
            let all = records.records
            for index in all.indices {
                let state = all[index].state
                guard state == .retrying || state == .online || state == .paused,
                      let deadline = all[index].lapseDeadline(window: window), now >= deadline else { continue }
                due.append(all[index].spec.key)
            }
        }
        for key in due {
            guard var record = records[key] else { continue }
            if let transition = record.refreshLapse(at: now, window: window) {
                records[record.spec.key] = record
                version &+= 1
                observer.agentChanged(record, transition: transition, outcome: nil)
            }
        }
    }

    /// Each account's position by name.
    static func accountIndices(of config: PresenceConfig) -> [String: Int] {
        Dictionary(config.accounts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The agents no source holds offline, of one account (all when `nil`).
    func wantedKeys(ofAccount account: Int? = nil, at now: MonotonicTime) -> [AgentKey] {
        let keys = records.keys(ofAccount: account)
        return keys.filter { key in records[key].map { availability(of: $0, at: now).hold == nil } ?? false }
    }
}
