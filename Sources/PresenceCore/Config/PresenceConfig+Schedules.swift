extension PresenceConfig {
    /// The name of the schedule `spec` follows: its own, else its account's, else `nil` (always on).
    public func scheduleName(of spec: AgentSpec) -> String? {
        if let own = spec.schedule { return own }
        // Skips the lookup (and building the account's name) when no account sets a schedule.
        if accountSchedules.isEmpty { return nil }
        return accountSchedules[spec.accountName]
    }

    /// The schedule `spec` follows (see ``scheduleName(of:)``); `nil` when it is always on.
    public func schedule(of spec: AgentSpec) -> WorkSchedule? {
        scheduleName(of: spec).flatMap { schedules[$0] }
    }

    /// The schedule each account names, by account name, for ``accountSchedules``.
    static func schedulesByAccount(_ accounts: [AccountSettings]) -> [String: String] {
        var schedules: [String: String] = [:]
        for account in accounts {
            if let schedule = account.schedule { schedules[account.name] = schedule }
        }
        return schedules
    }
}
