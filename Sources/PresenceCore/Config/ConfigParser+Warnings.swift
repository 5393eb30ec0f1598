extension ConfigParser {
    /// What is worth an operator's attention in `config` without making it invalid, one line
    /// each: first, in account order, accounts that read the same key file (and so share one
    /// Brevo rate limit) and accounts with no agents; then, in file order, schedules that no agent
    /// and no account names; then, in file order, bots that no agent names (a disabled agent
    /// counts: it names the bot).
    ///
    /// Pure: key files are compared as written, not resolved. The one-account form has no account
    /// to warn about. A line starts with the account's or schedule's place (`config.yaml:4: `)
    /// when known.
    public static func warnings(for config: PresenceConfig) -> [String] {
        accountWarnings(for: config) + scheduleWarnings(for: config) + botWarnings(for: config) + metricsWarnings(for: config)
    }

    /// A metrics listener other hosts can reach: the roster's size and health are no secret to them.
    private static func metricsWarnings(for config: PresenceConfig) -> [String] {
        guard let listen = config.metrics.listen, !listen.isLoopback else { return [] }
        return ["metrics.listen \(listen) can be reached from other hosts: the metrics reveal the roster's size and "
            + "health; listen on 127.0.0.1 and let Prometheus reach it through a tunnel or a proxy, or firewall the port"]
    }

    /// Accounts sharing a key file, and accounts without agents.
    private static func accountWarnings(for config: PresenceConfig) -> [String] {
        guard config.namesAccounts else { return [] }
        var sharing: [String: [AccountSettings]] = [:]
        for account in config.accounts {
            if let keyFile = account.brevo.apiKeyFile { sharing[keyFile, default: []].append(account) }
        }
        let used = Set(config.agents.lazy.compactMap(\.account))
        var warnings: [String] = []
        for account in config.accounts {
            if let keyFile = account.brevo.apiKeyFile, let group = sharing[keyFile],
               group.count > 1, group[0].name == account.name {
                let names = group.map(\.name)
                let list = names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
                warnings.append(placed(group[1], "accounts \(list) read the same key file \(keyFile): "
                    + "they share one Brevo rate limit"))
            }
            if !used.contains(account.name) {
                warnings.append(placed(account, "account \(account.name) has no agents"))
            }
        }
        return warnings
    }

    /// Schedules that nothing names: probably a typo'd or forgotten `schedule:` elsewhere.
    private static func scheduleWarnings(for config: PresenceConfig) -> [String] {
        guard !config.schedules.isEmpty else { return [] }
        var used = Set(config.accounts.lazy.compactMap(\.schedule))
        for agent in config.agents {
            if let schedule = agent.schedule { used.insert(schedule) }
        }
        let unused = config.schedules.values.filter { !used.contains($0.name) }.sorted {
            declaredBefore(($0.source, $0.name), ($1.source, $1.name))
        }
        return unused.map { placed($0.source, "schedule \($0.name) is not used: no agent or account names it") }
    }

    /// Bots that no agent names: probed for nothing, probably a typo'd or forgotten `bot:`.
    private static func botWarnings(for config: PresenceConfig) -> [String] {
        guard !config.bots.isEmpty else { return [] }
        let used = Set(config.agents.lazy.compactMap(\.bot))
        let unused = config.bots.values.filter { !used.contains($0.name) }.sorted {
            declaredBefore(($0.source, $0.name), ($1.source, $1.name))
        }
        return unused.map { placed($0.source, "bot \($0.name) is not used: no agent names it") }
    }

    /// Whether `a` was declared before `b` (by file and line, then name).
    private static func declaredBefore(_ a: (source: ConfigLocation?, name: String), _ b: (source: ConfigLocation?, name: String)) -> Bool {
        let placeA = (a.source?.file ?? "", a.source?.line ?? .max)
        let placeB = (b.source?.file ?? "", b.source?.line ?? .max)
        return placeA != placeB ? placeA < placeB : a.name < b.name
    }

    /// `message`, after the account's place when known.
    private static func placed(_ account: AccountSettings, _ message: String) -> String {
        placed(account.source, message)
    }

    /// `message`, after `source` when known.
    private static func placed(_ source: ConfigLocation?, _ message: String) -> String {
        guard let source else { return message }
        return "\(source): \(message)"
    }
}
