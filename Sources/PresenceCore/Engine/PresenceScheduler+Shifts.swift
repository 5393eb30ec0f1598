extension PresenceScheduler {
    /// Whether `record`'s schedule is on at `now` (always, without one).
    func isOnShift(_ record: AgentRecord, at now: MonotonicTime) -> Bool {
        true
    }
}

extension PresenceScheduler {
    /// Overrides and shifts as a status report shows them.
    public var availabilityView: AvailabilityView {
        AvailabilityView(overrides: overrides.entries, shifts: [])
    }
}

extension PresenceScheduler {
    /// The time no ping of `record` may reach (stub until schedules land).
    func pingDeadline(for record: AgentRecord) -> MonotonicTime? {
        nil
    }
}
