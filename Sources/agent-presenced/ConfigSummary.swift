import Foundation
import PresenceCore
import PresenceDaemon

/// The human summary of a loaded config that `check` prints: the roster, the cadence, for each
/// account its plan against its budget and where its key comes from (never the key), the
/// schedules, and the bots.
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
        for entry in AccountPlans(config, at: Date()).entries {
            if config.namesAccounts {
                lines.append("  account \(entry.account.name): \(entry.enabledAgents) enabled, \(entry.agents - entry.enabledAgents) disabled")
                lines += accountLines(entry, ping: ping).map { "  " + $0 }
            } else {
                lines += accountLines(entry, ping: ping)
            }
        }
        lines += scheduleLines(at: Date())
        lines += botLines
        lines += clusterLines
        lines += metricsLines
        lines += transportLines
        lines.append("  status file: \(loaded.statusFilePath)")
        return lines
    }

    /// Per schedule: on or off now, its next change, and how many agents follow it.
    private func scheduleLines(at now: Date) -> [String] {
        let config = loaded.config
        guard !config.schedules.isEmpty else { return [] }
        var users: [String: (enabled: Int, all: Int)] = [:]
        for agent in config.agents {
            guard let name = config.scheduleName(of: agent) else { continue }
            users[name, default: (0, 0)].all += 1
            if agent.enabled { users[name, default: (0, 0)].enabled += 1 }
        }
        return config.schedules.keys.sorted().compactMap { name in
            guard let schedule = config.schedules[name] else { return nil }
            let shift = schedule.shift(at: now)
            let state = shift.isOn ? "on shift now" : "off shift now"
            let next = shift.changesAt.map { "\(shift.isOn ? "ends" : "starts") \(Self.local($0, in: schedule.timeZone))" } ?? "never changes"
            let count = users[name] ?? (0, 0)
            return "  schedule \(name) (\(schedule.timeZone.identifier)): \(state), \(next); \(count.enabled) enabled agent\(count.enabled == 1 ? "" : "s")"
                + (count.all > count.enabled ? " (\(count.all - count.enabled) disabled)" : "")
        }
    }

    /// `2026-12-01 09:00 CET (2026-12-01T08:00:00.000Z)`.
    private static func local(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return "\(formatter.string(from: date)) (\(RFC3339.string(from: date)))"
    }

    /// An account's cost, budget plan, API and key source.
    private func accountLines(_ entry: AccountPlans.Entry, ping: PingSettings) -> [String] {
        let counted = entry.peakOnAgents
        let cost = Int(saturating: ping.requestsPerHour(agents: counted).rounded(.up))
        let who = counted == entry.enabledAgents ? "\(counted) agents" : "\(counted) agents on shift at once at the busiest hour, of \(entry.enabledAgents) enabled"
        var lines = ["  cost: \(cost) requests/hour (\(who) × 3600 s / \(DurationFormat.string(ping.interval))), retries excluded"]
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
