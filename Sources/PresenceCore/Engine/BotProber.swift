/// Probes every configured bot on its own grid and keeps what the probes showed: the bot
/// health source of agents' availability.
///
/// One probe per bot per interval, however many agents the bot answers for; the pure parts
/// decide the rest (``BotHealth`` the hysteresis, ``ProbePacing`` when, ``ProbeBudget`` how
/// many). Confined, like the scheduler that owns it, to the serial context of its
/// ``TimerScheduling`` seam; the transport's completions hop back onto it.
public final class BotProber: @unchecked Sendable {
    /// Called when a bot's state changes: its name, the state before and the state now.
    public typealias ChangeHandler = (_ bot: String, _ from: BotHealth.State, _ to: BotHealth.State) -> Void
    /// Called after every probe's outcome was counted.
    public typealias ProbeHandler = (_ bot: String, _ outcome: ProbeOutcome) -> Void

    let clock: any PresenceClock
    let timers: any TimerScheduling
    let transport: any ProbeTransport
    let seed: UInt64
    var tracks: [String: BotTrack] = [:]
    var running = false
    var origin: MonotonicTime
    var probeCount: UInt64 = 0
    /// Receives every change of a bot's state.
    public var onChange: ChangeHandler = { _, _, _ in }
    /// Receives every probe's outcome.
    public var onProbe: ProbeHandler = { _, _ in }

    /// Creates a prober for `bots`; nothing is probed before ``start()``.
    public init(bots: [String: BotSettings], clock: any PresenceClock, timers: any TimerScheduling, transport: any ProbeTransport, seed: UInt64) {
        self.clock = clock
        self.timers = timers
        self.transport = transport
        self.seed = seed
        let now = clock.now
        origin = now
        for (name, settings) in bots {
            tracks[name] = BotTrack(settings: settings, at: now, origin: now, seed: seed)
        }
    }

    /// Starts probing: every bot's first probe goes out within a few seconds.
    public func start() {
        guard !running else { return }
        running = true
        let now = clock.now
        origin = now
        for name in tracks.keys.sorted() {
            tracks[name]?.pacing.origin = now
            arm(name, at: tracks[name].map { $0.pacing.firstDue(from: now) } ?? now)
        }
    }

    /// Stops probing: cancels every timer. A probe out finishes; its answer is still counted.
    public func stop() {
        running = false
        for name in tracks.keys {
            tracks[name]?.timer?.cancel()
            tracks[name]?.timer = nil
            tracks[name]?.nextProbeAt = nil
        }
    }

    /// Whether `bot`'s agents are wanted online: it is known and up.
    public func isUp(_ bot: String) -> Bool {
        tracks[bot]?.health.isUp ?? false
    }

    /// What the probes showed of `bot`.
    public func health(of bot: String) -> BotHealth? {
        tracks[bot]?.health
    }

    /// Every bot, by name.
    public var reports: [BotReport] {
        tracks.keys.sorted().compactMap { name in
            tracks[name].map { BotReport(name: name, health: $0.health, nextProbeAt: $0.nextProbeAt) }
        }
    }

    /// Probes `bots` again promptly (their key changed), keeping what was learned about them;
    /// within their budget.
    public func reprobe(_ bots: [String]) {
        let now = clock.now
        for name in bots where tracks[name] != nil {
            if tracks[name]?.inFlight == true {
                tracks[name]?.reprobeWanted = true
            } else if running, let track = tracks[name] {
                arm(name, at: track.pacing.firstDue(from: now))
            }
        }
    }
}
