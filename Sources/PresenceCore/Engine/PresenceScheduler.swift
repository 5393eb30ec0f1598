/// Keeps every enabled agent on its schedule: one timer per agent, one ping per tick.
///
/// The scheduler is confined to the serial context of its ``TimerScheduling`` seam: every method
/// must be called there, and every timer handler and transport completion hops back there. That
/// confinement, not a lock, is what makes it safe to share (`@unchecked Sendable`).
///
/// Time, randomness, timers and the transport are parameters, so the same code runs on Dispatch
/// in the daemon and in virtual time in tests.
public final class PresenceScheduler: @unchecked Sendable {
    /// The configuration in force.
    public internal(set) var config: PresenceConfig
    /// The grid all agents' ticks are placed on.
    public internal(set) var schedule: PingSchedule
    /// Increases on every change a report would show, so writers can skip unchanged states.
    public internal(set) var version: UInt64 = 0
    /// Requests in flight now.
    public private(set) var inFlightCount = 0

    let clock: any PresenceClock
    let timers: any TimerScheduling
    let transport: any PingTransport
    let observer: any PresenceObserver
    let jitterSeed: UInt64
    var records: [AgentKey: AgentRecord] = [:]
    var order: [AgentKey] = []
    var armed: [AgentKey: any ArmedTimer] = [:]
    var waiting: [AgentKey] = []
    var waitingHead = 0
    var running = false

    /// Creates a scheduler for `config`; nothing is armed before ``start()``.
    ///
    /// `random` seeds the per-tick jitter; pass a seeded generator for reproducible runs.
    public init(
        config: PresenceConfig,
        clock: any PresenceClock,
        timers: any TimerScheduling,
        transport: any PingTransport,
        random: any RandomNumberGenerator = SystemRandomNumberGenerator(),
        observer: any PresenceObserver = SilentPresenceObserver()
    ) {
        self.config = config
        self.clock = clock
        self.timers = timers
        self.transport = transport
        var random = random
        self.jitterSeed = random.next()
        self.observer = observer
        self.schedule = PingSchedule(origin: clock.now, interval: config.ping.interval, jitter: config.ping.jitter)
        for spec in config.agents {
            records[spec.key] = AgentRecord(spec: spec, phase: schedule.phase(of: spec.key))
            order.append(spec.key)
        }
    }

    /// Arms the first ping of every enabled agent, spread over the startup window.
    public func start() {
        guard !running else { return }
        running = true
        let now = clock.now
        schedule.origin = now
        let enabled = order.filter { records[$0]?.spec.enabled == true }
        armFirstPings(of: enabled, from: now)
        version &+= 1
    }

    /// Stops scheduling: cancels every timer and queued ping. Requests in flight may finish.
    public func stop() {
        running = false
        for timer in armed.values { timer.cancel() }
        armed.removeAll()
        waiting.removeAll()
        waitingHead = 0
        for key in order { records[key]?.nextPingAt = nil }
        version &+= 1
    }

    /// The agents' records, in roster order.
    public func snapshot() -> [AgentRecord] {
        order.compactMap { records[$0] }
    }

    /// The record of one agent.
    public func record(for key: AgentKey) -> AgentRecord? {
        records[key]
    }

    /// Moves agents whose presence window passed without a success to `lapsed`.
    public func refreshLapses() {
        let now = clock.now
        let window = config.ping.presenceWindow
        for key in order {
            guard var record = records[key], record.state == .retrying || record.state == .online || record.state == .paused else { continue }
            if let transition = record.refreshLapse(at: now, window: window) {
                records[key] = record
                version &+= 1
                observer.agentChanged(record, transition: transition, outcome: nil)
            }
        }
    }

    func armFirstPings(of keys: [AgentKey], from now: MonotonicTime) {
        let window = schedule.startupWindow(agentCount: keys.count)
        for key in keys {
            guard var record = records[key] else { continue }
            let due = now + schedule.startupOffset(of: key, window: window)
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

    func fire(_ key: AgentKey) {
        guard running, armed.removeValue(forKey: key) != nil, let record = records[key], record.spec.enabled else { return }
        if record.inFlight {
            // The previous request is still out: skip this tick rather than stack a second one.
            armNextTick(key, after: clock.now)
        } else if inFlightCount >= config.ping.maxInFlight {
            waiting.append(key)
        } else {
            send(key)
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

    func send(_ key: AgentKey) {
        guard var record = records[key] else { return }
        let now = clock.now
        record.recordAttempt(at: now)
        records[key] = record
        inFlightCount += 1
        armNextTick(key, after: now)
        version &+= 1
        let request = PingRequest(identity: record.spec.identity, receivedFrom: config.brevo.receivedFrom)
        let timers = self.timers
        transport.send(request) { [weak self] outcome in
            timers.execute { [weak self] in self?.complete(key, outcome: outcome) }
        }
    }

    func complete(_ key: AgentKey, outcome: PingOutcome) {
        inFlightCount -= 1
        if var record = records[key] {
            let transition = record.record(outcome, at: clock.now, window: config.ping.presenceWindow)
            records[key] = record
            version &+= 1
            observer.pingCompleted(record, outcome: outcome)
            if let transition { observer.agentChanged(record, transition: transition, outcome: outcome) }
        }
        sendWaiting()
    }

    func sendWaiting() {
        while running, inFlightCount < config.ping.maxInFlight, waitingHead < waiting.count {
            let key = waiting[waitingHead]
            waitingHead += 1
            guard let record = records[key], record.spec.enabled else { continue }
            if record.inFlight { armNextTick(key, after: clock.now) } else { send(key) }
        }
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        }
    }
}
