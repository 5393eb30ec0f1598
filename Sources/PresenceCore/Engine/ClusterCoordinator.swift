/// Keeps this node's side of the cluster's lease: asks the database on the ``LeaseKeeper``'s
/// cadence, arms the fence at the end of a held lease, and reports every change of role.
///
/// Confined, like the scheduler that owns it, to the serial context of its ``TimerScheduling``
/// seam; the transport's completions hop back onto it. One attempt is out at a time.
public final class ClusterCoordinator: @unchecked Sendable {
    /// The cluster's settings.
    public let settings: ClusterSettings
    /// This process's token: it alone may renew the lease it holds.
    public let token: String
    /// The decisions.
    public private(set) var keeper: LeaseKeeper
    /// Receives every change of role.
    public var onChange: (LeaseChange) -> Void = { _ in }
    /// The reason of the lead lost at ``stop()``: a clean stop, not a fault.
    public static let stoppingReason = "the daemon is stopping"

    let clock: any PresenceClock
    let timers: any TimerScheduling
    let transport: any LeaseTransport
    var attemptTimer: (any ArmedTimer)?
    var fenceTimer: (any ArmedTimer)?
    var inFlight = false
    var running = false
    /// This process led when it stopped: its lease is still in the table, to be released.
    var heldAtStop = false

    /// Creates a coordinator; nothing is asked before ``start()``.
    public init(settings: ClusterSettings, token: String, clock: any PresenceClock, timers: any TimerScheduling, transport: any LeaseTransport) {
        self.settings = settings
        self.token = token
        self.clock = clock
        self.timers = timers
        self.transport = transport
        keeper = LeaseKeeper(lease: settings.lease, policy: settings.whenDatabaseLost)
    }

    /// The request every attempt sends.
    var request: LeaseRequest {
        LeaseRequest(cluster: settings.name, node: settings.node, token: token, lease: settings.lease,
                     mayTakeOver: keeper.mayTakeOver(at: clock.now))
    }

    /// Starts asking for the lease, at once.
    public func start() {
        guard !running else { return }
        running = true
        attempt()
    }

    /// Stops asking and gives the lead up (nothing is sent after this); ``release(completion:)``
    /// then tells the database, once the last pings are answered.
    public func stop() {
        running = false
        attemptTimer?.cancel()
        fenceTimer?.cancel()
        attemptTimer = nil
        fenceTimer = nil
        heldAtStop = heldAtStop || keeper.role == .leader
        if let change = keeper.resign(Self.stoppingReason) { onChange(change) }
    }

    /// After ``stop()``: ends the lease this process held at once, so a standby takes over
    /// within its poll instead of a lease; calls `completion` when the database answered (at
    /// once when this process held no lease).
    public func release(completion: @escaping @Sendable () -> Void) {
        guard !running, heldAtStop else { return completion() }
        heldAtStop = false
        transport.release(request, completion: completion)
    }

    /// Whether this node may send a ping at `now`: asked before every send.
    public func mayPing(at now: MonotonicTime) -> Bool {
        keeper.mayPing(at: now)
    }

    /// Gives the lead up at once (a stall was found on resume) and asks for it again.
    public func resign(_ reason: String) {
        fenceTimer?.cancel()
        fenceTimer = nil
        if let change = keeper.resign(reason) { onChange(change) }
        if running, !inFlight { attempt() }
    }

    /// Sends one acquire-or-renew now.
    func attempt() {
        guard running, !inFlight else { return }
        attemptTimer?.cancel()
        attemptTimer = nil
        inFlight = true
        let sentAt = clock.now
        transport.acquire(request) { [weak self, timers] outcome in
            timers.execute { [weak self] in self?.answered(outcome, sentAt: sentAt) }
        }
    }

    /// Counts an answer, re-arms the fence and the next attempt, reports a change of role.
    func answered(_ outcome: LeaseOutcome, sentAt: MonotonicTime) {
        inFlight = false
        let change = keeper.record(outcome, sentAt: sentAt, now: clock.now, node: settings.node)
        armFence()
        if let change { onChange(change) }
        guard running else { return }
        let due = max(clock.now, keeper.nextAttempt(after: sentAt))
        attemptTimer = timers.arm(at: due, leeway: .milliseconds(20)) { [weak self] in self?.attempt() }
    }

    /// Arms the fence at the end of the held lease (none while standby).
    func armFence() {
        fenceTimer?.cancel()
        fenceTimer = nil
        guard running, let fenceAt = keeper.fenceAt else { return }
        fenceTimer = timers.arm(at: fenceAt, leeway: .zero) { [weak self] in self?.fence() }
    }

    /// The fence came: a lease not renewed by now is lost (per the policy).
    func fence() {
        fenceTimer = nil
        if let change = keeper.expire(at: clock.now) { onChange(change) }
    }
}
