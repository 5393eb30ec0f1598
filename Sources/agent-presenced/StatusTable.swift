import Foundation
import PresenceCore

/// The status file as tables for people: the cluster's line (in a cluster), the accounts (when
/// the config names them), one line per agent, then the bots (when the config has any).
struct StatusTable {
    let document: StatusDocument
    var now = Date()

    /// Whether the config used the `accounts:` form: then accounts get a table and agents an
    /// account column. The one-account form's output stays as it was.
    var namesAccounts: Bool {
        !document.accounts.isEmpty && document.accounts.keys.sorted() != [AccountSettings.defaultName]
    }

    var lines: [String] {
        let config = document.config
        var lines = ["agent-presenced pid \(document.pid), config generation \(config.generation) (\(config.path)), updated \(document.updatedAt)"]
        if let error = config.lastReloadError { lines.append("last reload refused: \(error)") }
        if let clusterLine { lines.append(clusterLine) }
        let counts = AgentState.allCases.compactMap { state in
            document.summary[state.rawValue].flatMap { $0 > 0 ? "\($0) \(state.rawValue)" : nil }
        }
        let inAccounts = namesAccounts ? " in \(document.accounts.count) accounts" : ""
        lines.append("\(document.agents.count) agents\(inAccounts): " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")))
        if namesAccounts {
            lines += TextTable.format(header: ["ACCOUNT", "STATE", "AGENTS", "INTERVAL", "REQUESTS/H", "BUDGET", "REASON"],
                                      rows: accountRows())
            lines.append("")
        }
        var header = ["AGENT", "STATE", "LAST SUCCESS", "NEXT PING", "FAILURES", "LAST ERROR"]
        if namesAccounts { header.insert("ACCOUNT", at: 1) }
        let availability = document.agents.contains { $0.schedule != nil || $0.override != nil }
        if availability { header.insert("SHIFT / OVERRIDE", at: header.count - 1) }
        let rows = document.agents.map { agent in
            var row = [
                agent.label ?? agent.id ?? agent.email ?? agent.key,
                agent.state,
                relative(agent.lastSuccessAt, past: true),
                relative(agent.nextPingAt, past: false),
                String(agent.consecutiveFailures),
                agent.lastError ?? "-",
            ]
            if namesAccounts { row.insert(agent.account, at: 1) }
            if availability { row.insert(availabilityText(agent), at: row.count - 1) }
            return row
        }
        lines += TextTable.format(header: header, rows: rows)
        if !document.bots.isEmpty {
            lines.append("")
            lines += TextTable.format(header: ["BOT", "STATE", "SINCE", "LAST PROBE", "LATENCY", "FAILURES", "LAST ERROR"],
                                      rows: botRows())
        }
        return lines
    }

    private func botRows() -> [[String]] {
        document.botEntries.map { name, bot in
            [
                name, bot.state, relative(bot.since, past: true), relative(bot.lastProbeAt, past: true),
                bot.latencyMS.map { "\($0) ms" } ?? "-", String(bot.consecutiveFailures), bot.lastError ?? "-",
            ]
        }
    }

    private func accountRows() -> [[String]] {
        document.accountEntries.map { name, account in
            let budget = account.requestsPerHour.map(String.init) ?? account.learnedLimit.map { "\($0) (Brevo)" } ?? "-"
            var reason = account.reason ?? "-"
            if let until = account.until { reason += " (until \(relative(until, past: false)))" }
            return [name, account.state, String(account.agents), account.interval, String(account.requestsLastHour), budget, reason]
        }
    }

    /// `away 4m (lunch)`, `off shift, starts in 40s`, `shift ends in 2m`, or `-`.
    private func availabilityText(_ agent: AgentStatus) -> String {
        if let override = agent.override {
            let until = override.until.map { " \(relative($0, past: false).replacingOccurrences(of: "in ", with: "for "))" } ?? ""
            return "\(override.mode)\(until)" + (override.reason.map { " (\($0))" } ?? "")
        }
        if let next = agent.nextShiftAt { return "off shift, starts \(relative(next, past: false))" }
        if let end = agent.shiftEndsAt { return "shift ends \(relative(end, past: false))" }
        return agent.schedule.map { "\($0): always on" } ?? "-"
    }

    /// `12s ago`, `in 48s`, or `-`.
    private func relative(_ timestamp: String?, past: Bool) -> String {
        guard let timestamp, let date = RFC3339.date(from: timestamp) else { return "-" }
        let seconds = Int((past ? now.timeIntervalSince(date) : date.timeIntervalSince(now)).rounded())
        let text = seconds >= 120 ? "\(seconds / 60)m" : "\(max(seconds, 0))s"
        return past ? "\(text) ago" : "in \(text)"
    }
}
