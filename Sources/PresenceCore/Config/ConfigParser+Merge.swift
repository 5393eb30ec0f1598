extension ConfigParser {
    /// The main config with the drop-in agents appended, in the order given.
    ///
    /// The loader passes drop-ins in lexical file order. An agent declared twice across files is
    /// refused with both places named; repeats within one file are the parser's to refuse.
    /// - Throws: `ConfigError` with one issue per repeated agent, at its second declaration.
    public static func merge(
        main: PresenceConfig, dropIns: [(file: String, agents: [AgentSpec])]
    ) throws(ConfigError) -> PresenceConfig {
        // The parser already refused repeats within one file.
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
        for dropIn in dropIns {
            for agent in dropIn.agents { add(agent, file: dropIn.file) }
        }
        guard issues.isEmpty else { throw ConfigError(issues) }
        return merged
    }
}
