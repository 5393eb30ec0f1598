import ArgumentParser
import PresenceCore
import PresenceDaemon

/// `agent-presenced check`: validates the config like `nginx -t` and prints a summary.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config (and the API key file) and print a summary; exit 78 on any error."
    )

    @OptionGroup var options: ConfigOption

    func run() throws {
        let loaded = try options.load()
        for warning in loaded.warnings { Console.error("warning: \(warning)") }
        for line in ConfigSummary(loaded: loaded).lines { Console.out(line) }
    }
}

/// The human summary of a loaded config that `check` prints.
struct ConfigSummary {
    let loaded: LoadedConfig

    var lines: [String] {
        let config = loaded.config
        let enabled = config.enabledAgentCount
        let disabled = config.agents.count - enabled
        let ping = config.ping
        var lines = ["\(loaded.path): configuration OK"]
        let dropIns = loaded.dropInFiles.count
        lines.append("  agents: \(enabled) enabled, \(disabled) disabled" + (dropIns > 0 ? " (\(dropIns) drop-in file\(dropIns == 1 ? "" : "s"))" : ""))
        lines.append("  ping: every \(DurationFormat.string(ping.interval)) ± \(DurationFormat.string(ping.jitter)), timeout \(DurationFormat.string(ping.timeout)), presence window \(DurationFormat.string(ping.presenceWindow))")
        let cost = Int(saturating: config.requestsPerHour.rounded(.up))
        lines.append("  cost: \(cost) requests/hour (\(enabled) agents × 3600 s / \(DurationFormat.string(ping.interval))), retries excluded")
        if let budget = config.rateLimit.requestsPerHour {
            // The loader already refused a roster that cannot fit at all.
            let plan = BudgetPlan.bestEffort(agents: enabled, ping: ping, budget: budget)
            let planned = Int(saturating: plan.requestsPerHour.rounded(.up))
            let retries = Int(saturating: (plan.retryAllowancePerHour ?? 0).rounded(.down))
            if plan.stretched {
                lines.append("  budget: \(budget) requests/hour: too small for every \(DurationFormat.string(ping.interval)); the interval is stretched to \(DurationFormat.string(plan.interval)) (\(planned) requests/hour, \(retries)/hour left for retries; the longest safe interval is \(DurationFormat.string(BudgetPlan.longestSafeInterval(ping: ping))))")
            } else {
                lines.append("  budget: \(budget) requests/hour: fits (\(planned) requests/hour, \(retries)/hour left for retries)")
            }
        }
        lines.append("  brevo: \(config.brevo.baseURL)")
        lines.append("  status file: \(loaded.statusFilePath)")
        return lines
    }
}
