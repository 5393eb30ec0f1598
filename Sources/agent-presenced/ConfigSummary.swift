import PresenceCore
import PresenceDaemon

/// The human summary of a loaded config that `check` prints: the roster, the cadence, and for
/// each account its plan against its budget and where its key comes from (never the key).
struct ConfigSummary {
    let loaded: LoadedConfig

    var lines: [String] {
        let config = loaded.config
        let enabled = config.enabledAgentCount
        let disabled = config.agents.count - enabled
        let ping = config.ping
        var lines = ["\(loaded.path): configuration OK"]
        let dropIns = loaded.dropInFiles.count
        let accounts = config.namesAccounts ? " in \(config.accounts.count) account\(config.accounts.count == 1 ? "" : "s")" : ""
        lines.append("  agents: \(enabled) enabled, \(disabled) disabled\(accounts)" + (dropIns > 0 ? " (\(dropIns) drop-in file\(dropIns == 1 ? "" : "s"))" : ""))
        lines.append("  ping: every \(DurationFormat.string(ping.interval)) ± \(DurationFormat.string(ping.jitter)), timeout \(DurationFormat.string(ping.timeout)), presence window \(DurationFormat.string(ping.presenceWindow))")
        for entry in AccountPlans(config).entries {
            if config.namesAccounts {
                lines.append("  account \(entry.account.name): \(entry.enabledAgents) enabled, \(entry.agents - entry.enabledAgents) disabled")
                lines += accountLines(entry, ping: ping).map { "  " + $0 }
            } else {
                lines += accountLines(entry, ping: ping)
            }
        }
        lines.append("  status file: \(loaded.statusFilePath)")
        return lines
    }

    /// An account's cost, budget plan, API and key source.
    private func accountLines(_ entry: AccountPlans.Entry, ping: PingSettings) -> [String] {
        let enabled = entry.enabledAgents
        let cost = Int(saturating: ping.requestsPerHour(agents: enabled).rounded(.up))
        var lines = ["  cost: \(cost) requests/hour (\(enabled) agents × 3600 s / \(DurationFormat.string(ping.interval))), retries excluded"]
        if let budget = entry.account.rateLimit.requestsPerHour, case .success(let plan) = entry.plan {
            let planned = Int(saturating: plan.requestsPerHour.rounded(.up))
            let retries = Int(saturating: (plan.retryAllowancePerHour ?? 0).rounded(.down))
            if plan.stretched {
                lines.append("  budget: \(budget) requests/hour: too small for every \(DurationFormat.string(ping.interval)); the interval is stretched to \(DurationFormat.string(plan.interval)) (\(planned) requests/hour, \(retries)/hour left for retries; the longest safe interval is \(DurationFormat.string(BudgetPlan.longestSafeInterval(ping: ping))))")
            } else {
                lines.append("  budget: \(budget) requests/hour: fits (\(planned) requests/hour, \(retries)/hour left for retries)")
            }
        }
        lines.append("  brevo: \(entry.account.brevo.baseURL)")
        if let source = loaded.keySources[entry.account.name] { lines.append("  api key: \(source)") }
        return lines
    }
}
