extension PresenceScheduler {
    /// Every bot as its probes showed it, by name.
    public var botReports: [BotReport] {
        prober.reports
    }

    /// Probes `bots` again promptly, keeping what was learned about them (their key changed).
    public func reprobe(bots: [String]) {
        prober.reprobe(bots)
    }

    /// A bot went up or down: its agents are held or released together, with one observer
    /// call for all of them.
    func botChanged(_ bot: String, from: BotHealth.State, to: BotHealth.State) {
        let keys = records.records.compactMap { $0.spec.bot == bot ? $0.spec.key : nil }
        let enabled = keys.reduce(0) { records[$1]?.spec.enabled == true ? $0 + 1 : $0 }
        if let report = prober.reports.first(where: { $0.name == bot }) {
            observer.botChanged(report, from: from, agents: enabled)
        }
        version &+= 1
        reconsider(keys, at: clock.now)
    }

    /// A probe's outcome was counted: a report shows new counters.
    func botProbed(_ bot: String, outcome: ProbeOutcome) {
        version &+= 1
        observer.botProbed(bot, outcome: outcome)
    }
}
