extension BotProber {
    /// Takes the bots of a reloaded config; returns the names of bots added, removed, or whose
    /// target changed (their agents must be decided again).
    ///
    /// A bot whose target (address, conversation, key file, text, expectation) changed starts
    /// over: not known until its next probe, which goes out within a few seconds. A bot whose
    /// cadence alone changed keeps its state and is re-probed promptly on the new cadence. An
    /// unchanged bot keeps its state and its grid.
    @discardableResult
    public func apply(_ bots: [String: BotSettings]) -> [String] {
        let now = clock.now
        var affected: [String] = []
        for name in tracks.keys where bots[name] == nil {
            tracks.removeValue(forKey: name)?.timer?.cancel()
            affected.append(name)
        }
        for name in bots.keys.sorted() {
            guard let settings = bots[name] else { continue }
            guard var track = tracks[name] else {
                tracks[name] = BotTrack(settings: settings, at: now, origin: origin, seed: seed)
                affected.append(name)
                if running { arm(name, at: tracks[name].map { $0.pacing.firstDue(from: now) } ?? now) }
                continue
            }
            guard track.settings != settings else { continue }
            let sameTarget = track.settings.probesSameTarget(as: settings)
            track.settings = settings
            track.pacing.interval = settings.probe.interval
            track.budget.refill = max(settings.probe.interval / 2, .seconds(1))
            if !sameTarget {
                track.health = BotHealth(since: now)
                track.generation &+= 1
                track.backoffLevel = 0
                affected.append(name)
            }
            tracks[name] = track
            if running, !track.inFlight || !sameTarget { arm(name, at: track.pacing.firstDue(from: now)) }
            if track.inFlight, sameTarget { tracks[name]?.reprobeWanted = true }
        }
        return affected.sorted()
    }
}
