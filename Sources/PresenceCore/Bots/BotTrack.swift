/// One bot as the prober follows it: its settings, what its probes showed, when the next one
/// goes out and how much room it has.
struct BotTrack {
    /// The bot as configured.
    var settings: BotSettings
    /// What the probes showed.
    var health: BotHealth
    /// The bot's grid.
    var pacing: ProbePacing
    /// The bot's allowance of probes.
    var budget: ProbeBudget
    /// Failures in a row that asked for room (429, 5xx); 0 otherwise.
    var backoffLevel = 0
    /// When the next probe is due, while one is armed.
    var nextProbeAt: MonotonicTime?
    /// The timer of the next probe.
    var timer: (any ArmedTimer)?
    /// A probe is out.
    var inFlight = false
    /// A re-probe was asked for while one was out: the next goes out promptly.
    var reprobeWanted = false
    /// Changes whenever the bot's target changes, so an answer to an older probe is void.
    var generation = 0

    /// A bot just configured, at `now`.
    init(settings: BotSettings, at now: MonotonicTime, origin: MonotonicTime, seed: UInt64) {
        self.settings = settings
        health = BotHealth(since: now)
        pacing = ProbePacing(bot: settings.name, interval: settings.probe.interval, origin: origin, seed: seed)
        budget = ProbeBudget(interval: settings.probe.interval, at: now)
    }
}
