import Foundation

extension PresenceScheduler {
    /// Whether `record`'s schedule is on at `now` (always, without one). A boundary that is due
    /// but whose timer has not run yet (a late wake-up) is handled first.
    func isOnShift(_ record: AgentRecord, at now: MonotonicTime) -> Bool {
        guard let index = record.shiftIndex, shifts.indices.contains(index) else { return true }
        if shifts[index].isStale(at: now) { shiftBoundary(index) }
        return shifts[index].state.isOn
    }

    /// The time no ping of `record` may reach: the end of its shift, unless an `online`
    /// override keeps it on past it.
    func pingDeadline(for record: AgentRecord) -> MonotonicTime? {
        guard let index = record.shiftIndex, shifts.indices.contains(index),
              overrides.mode(for: record.spec.key) != .online else { return nil }
        return shifts[index].endTime
    }

    /// Builds the shift tracks of `config`'s schedules at `now` and points each record at its
    /// agent's; the old tracks' timers are cancelled.
    func rebuildShifts(for config: PresenceConfig, specs: [AgentSpec], at now: MonotonicTime) {
        for timer in shiftTimers.values { timer.cancel() }
        shiftTimers.removeAll()
        shiftLayout &+= 1
        let wallNow = clock.wallDate(at: now)
        let names = config.schedules.keys.sorted()
        shifts = names.compactMap { name in config.schedules[name].map { ShiftTrack($0, at: now, wallNow: wallNow) } }
        let indices = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for spec in specs {
            let index = config.scheduleName(of: spec).flatMap { indices[$0] }
            guard var record = records[spec.key], record.shiftIndex != index else { continue }
            record.shiftIndex = index
            records[spec.key] = record
        }
        if running { for index in shifts.indices { armShiftTimer(index) } }
    }

    /// Arms the timer of schedule `index`'s next boundary.
    func armShiftTimer(_ index: Int) {
        shiftTimers.removeValue(forKey: index)?.cancel()
        guard let due = shifts[index].changesAtTime else { return }
        let layout = shiftLayout
        shiftTimers[index] = timers.arm(at: due, leeway: .milliseconds(10)) { [weak self] in
            guard let self, self.shiftLayout == layout else { return }
            self.shiftTimers[index] = nil
            self.shiftBoundary(index)
        }
    }

    /// A boundary of schedule `index` came: evaluates it by the wall clock and, when the shift
    /// started or ended, holds or releases its agents together, with one observer call for all.
    func shiftBoundary(_ index: Int) {
        let now = clock.now
        let changed = shifts[index].evaluate(at: now, wallNow: clock.wallDate(at: now))
        if running { armShiftTimer(index) }
        guard changed else { return }
        let keys = records.records.compactMap { $0.shiftIndex == index ? $0.spec.key : nil }
        let enabled = keys.reduce(0) { records[$1]?.spec.enabled == true ? $0 + 1 : $0 }
        let track = shifts[index]
        // A schedule nobody enabled follows changes nothing: no entry for it.
        if enabled > 0 { observer.shiftChanged(schedule: track.name, isOn: track.state.isOn, agents: enabled, changesAt: track.state.changesAt) }
        version &+= 1
        reconsider(keys, at: now)
    }

    /// Evaluates every schedule whose change the wall clock has passed: the housekeeping pass
    /// that catches a suspend or a clock step the monotonic timers did not see.
    public func refreshShifts() {
        guard running, !shifts.isEmpty else { return }
        let wallNow = clock.wallDate(at: clock.now)
        for index in shifts.indices where shifts[index].isStale(wallNow: wallNow) { shiftBoundary(index) }
    }

    /// Evaluates every schedule now, after a stall or suspend moved the two clocks apart.
    func reevaluateShifts() {
        for index in shifts.indices { shiftBoundary(index) }
    }

    /// Overrides and shifts as a status report shows them.
    public var availabilityView: AvailabilityView {
        AvailabilityView(
            overrides: overrides.entries,
            shifts: shifts.map { AvailabilityView.Shift(name: $0.name, isOn: $0.state.isOn, changesAt: $0.state.changesAt) }
        )
    }
}
