import Foundation

/// The YAML of a scenario's config: the main file's settings and the roster entries, in the
/// one-account form (`brevo:`) or, for a scenario with an ``AccountLayout``, the `accounts:`
/// form with one key file per account and an `account:` on every agent.
enum BenchConfigText {
    /// The main file up to its `agents:` line; `keyFile` gives each account's key file by name
    /// (`nil` for the one-account form).
    static func settings(
        _ scenario: BenchScenario, baseURL: String, keyFile: (String?) -> String, statusFile: String, agentsDir: String,
        caFile: String? = nil
    ) -> String {
        var text = ""
        if let layout = scenario.accounts {
            text.reserveCapacity(layout.count * 160)
            text += "accounts:\n"
            for account in 0..<layout.count {
                let name = AccountLayout.name(account)
                text += "  \(name):\n" + brevo(baseURL: baseURL, keyFile: keyFile(name), caFile: caFile, indent: "    ")
            }
        } else {
            text += "brevo:\n" + brevo(baseURL: baseURL, keyFile: keyFile(nil), caFile: caFile, indent: "  ")
        }
        text += """
            ping:
              interval: \(milliseconds(scenario.interval))
              jitter: \(milliseconds(scenario.jitter))
              timeout: \(milliseconds(scenario.timeout))
              presence_window: \(milliseconds(scenario.presenceWindow))
              max_in_flight: \(scenario.maxInFlight)
            status_file: \(statusFile)
            agents_dir: \(agentsDir)

            """
        if scenario.metrics {
            // Port 0 is not a valid listen address: a port from the ephemeral range, likely free.
            let folder = statusFile.split(separator: "/").dropLast().joined(separator: "/")
            text += "metrics:\n  listen: 127.0.0.1:\(40_000 + Int(getpid()) % 20_000)\n  textfile: /\(folder)/bench.prom\n"
        }
        text += "agents:\n"
        return text
    }

    /// YAML list items for the agents in `range`; with `changed`, agent 0 is
    /// ``BenchWorkspace/replacementID``.
    static func roster(_ range: Range<Int>, of scenario: BenchScenario, changed: Bool) -> String {
        var text = ""
        text.reserveCapacity(range.count * (scenario.accounts == nil ? 30 : 50))
        for index in range {
            let id = changed && index == 0 ? BenchWorkspace.replacementID : BenchWorkspace.agentID(index)
            text += "  - id: " + id + "\n"
            if let account = scenario.accountName(ofAgent: index) { text += "    account: " + account + "\n" }
        }
        return text
    }

    /// `1500ms`, the duration syntax the config accepts.
    static func milliseconds(_ seconds: Double) -> String {
        String(Int((seconds * 1000).rounded())) + "ms"
    }

    private static func brevo(baseURL: String, keyFile: String, caFile: String?, indent: String) -> String {
        "\(indent)base_url: \(baseURL)\n\(indent)api_key_file: \(keyFile)\n\(indent)received_from: presence-bench\n"
            + (caFile.map { "\(indent)ca_file: \($0)\n" } ?? "")
    }
}
