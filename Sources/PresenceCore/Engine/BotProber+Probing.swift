extension BotProber {
    /// Arms `bot`'s next probe at `due`, or later when its budget is spent.
    func arm(_ bot: String, at due: MonotonicTime) {
        guard running, var track = tracks[bot] else { return }
        track.timer?.cancel()
        let when = max(due, track.budget.availableAt(due))
        let generation = track.generation
        track.nextProbeAt = when
        track.timer = timers.arm(at: when, leeway: .milliseconds(50)) { [weak self] in
            guard let self, self.tracks[bot]?.generation == generation else { return }
            self.tracks[bot]?.timer = nil
            self.send(bot)
        }
        tracks[bot] = track
    }

    /// Sends `bot`'s probe now, unless one is out or the budget says wait.
    func send(_ bot: String) {
        guard running, var track = tracks[bot], !track.inFlight else { return }
        let now = clock.now
        let allowed = track.budget.availableAt(now)
        guard allowed <= now else { return arm(bot, at: allowed) }
        track.budget.spend(at: now)
        track.inFlight = true
        track.nextProbeAt = nil
        let generation = track.generation
        tracks[bot] = track
        probeCount &+= 1
        let request = ProbeRequest(bot: track.settings, requestID: requestID(probeCount))
        transport.probe(request) { [weak self, timers] outcome in
            timers.execute { [weak self] in self?.completed(bot, generation: generation, startedAt: now, outcome: outcome) }
        }
    }

    /// Counts a probe's outcome and arms the next one.
    func completed(_ bot: String, generation: Int, startedAt: MonotonicTime, outcome: ProbeOutcome) {
        guard var track = tracks[bot] else { return }
        track.inFlight = false
        // An answer about a target the bot no longer has says nothing about it.
        guard track.generation == generation else {
            tracks[bot] = track
            if running { arm(bot, at: track.pacing.firstDue(from: clock.now)) }
            return
        }
        let now = clock.now
        let before = track.health.state
        let cadence = track.settings.probe.cadence
        let changed = track.health.record(outcome, at: now, downAfter: cadence.downAfter, upAfter: cadence.upAfter)
        track.backoffLevel = outcome.failure?.asksForBackoff == true ? track.backoffLevel + 1 : 0
        let reprobe = track.reprobeWanted
        track.reprobeWanted = false
        tracks[bot] = track
        onProbe(bot, outcome)
        if let changed { onChange(bot, before, changed) }
        guard running, let track = tracks[bot] else { return }
        if reprobe {
            arm(bot, at: track.pacing.firstDue(from: now))
        } else if track.backoffLevel > 0 {
            arm(bot, at: now + track.pacing.backoff(level: track.backoffLevel, retryAfter: outcome.retryAfter))
        } else {
            arm(bot, at: track.pacing.nextDue(after: startedAt))
        }
    }

    /// A UUID-shaped `x-request-id`, different for every probe of every run.
    func requestID(_ count: UInt64) -> String {
        let high = StableHash.mix(seed &+ count)
        let low = StableHash.mix(high ^ count ^ 0x9e37_79b9_7f4a_7c15)
        let hex = String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
