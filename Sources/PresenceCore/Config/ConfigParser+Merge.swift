extension ConfigParser {
    /// The main config with the drop-in agents appended, in the order given.
    ///
    /// The loader passes drop-ins in lexical file order, each as ``parseDropIn(_:file:)``
    /// returned it. Each drop-in agent's account is resolved against `main.accounts` (the main
    /// file's agents already are): in the `accounts:` form an agent without `account:` gets the
    /// only account, or is refused when there are several; in the one-account form only
    /// `account: default` is allowed. An agent declared twice (the same final key) across files is
    /// refused with both places named; repeats within one file are the parser's to refuse, unless
    /// they only show once the accounts are resolved. A drop-in agent's `schedule:` must name one
    /// of the main file's `schedules:` (drop-ins cannot declare schedules), and its `bot:` one of
    /// the main file's `bots:`.
    /// - Throws: `ConfigError` with one issue per refused agent: at its line, with key path
    ///   `agents[i].account` (its index in its file) for an account problem, `agents[i].schedule`
    ///   for an unknown schedule, `agents[i].bot` for an unknown bot, `agents` for a repeat.
    public static func merge(
        main: PresenceConfig, dropIns: [(file: String, agents: [AgentSpec])]
    ) throws(ConfigError) -> PresenceConfig {
        if dropIns.allSatisfy({ $0.agents.isEmpty }) { return main }
        var merged = main
        let total = main.agents.count + dropIns.reduce(0) { $0 + $1.agents.count }
        merged.agents = []
        merged.agents.reserveCapacity(total)
        var positions: [AgentKey: Int] = [:]
        positions.reserveCapacity(total)
        var issues: [ConfigIssue] = []
        func add(_ agent: AgentSpec, file: String?) {
            if let position = positions[agent.key] {
                let first = merged.agents[position]
                let location = agent.source ?? ConfigLocation(file: file ?? first.source?.file ?? "")
                issues.append(ConfigIssue(location: location, keyPath: "agents",
                                          message: duplicateMessage(agent.key, first: first, second: agent)))
                return
            }
            positions[agent.key] = merged.agents.count
            merged.agents.append(agent)
        }
        for agent in main.agents { add(agent, file: nil) }
        let accounts = AccountResolver(main)
        let schedules = DeclaredNames.schedules(main.schedules.keys.sorted())
        let bots = DeclaredNames.bots(main.bots.keys.sorted())
        for dropIn in dropIns {
            for (index, agent) in dropIn.agents.enumerated() {
                var agent = agent
                if let problem = accounts.resolve(&agent) {
                    issues.append(ConfigIssue(location: agent.source ?? ConfigLocation(file: dropIn.file),
                                              keyPath: "agents[\(index)].account", message: problem))
                    continue
                }
                if let name = agent.schedule, let problem = schedules.problem(naming: name, by: "agent \(agent.key)") {
                    issues.append(ConfigIssue(location: agent.source ?? ConfigLocation(file: dropIn.file),
                                              keyPath: "agents[\(index)].schedule", message: problem))
                    continue
                }
                if let name = agent.bot, let problem = bots.problem(naming: name, by: "agent \(agent.key)") {
                    issues.append(ConfigIssue(location: agent.source ?? ConfigLocation(file: dropIn.file),
                                              keyPath: "agents[\(index)].bot", message: problem))
                    continue
                }
                add(agent, file: dropIn.file)
            }
        }
        guard issues.isEmpty else { throw ConfigError(issues) }
        return merged
    }
}
