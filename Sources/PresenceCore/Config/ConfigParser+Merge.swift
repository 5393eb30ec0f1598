extension ConfigParser {
    /// The main config with the drop-in agents appended, in the order given.
    ///
    /// The loader passes drop-ins in lexical file order. An agent declared twice, in one file or
    /// across files, is refused with both places named.
    /// - Throws: `ConfigError` with one issue per repeated agent, at its second declaration.
    public static func merge(
        main: PresenceConfig, dropIns: [(file: String, agents: [AgentSpec])]
    ) throws(ConfigError) -> PresenceConfig {
        var merged = main
        merged.agents = []
        var seen: [AgentKey: AgentSpec] = [:]
        var issues: [ConfigIssue] = []
        let all = main.agents.map { (file: String?.none, agent: $0) }
            + dropIns.flatMap { dropIn in dropIn.agents.map { (file: Optional(dropIn.file), agent: $0) } }
        for (file, agent) in all {
            if let first = seen[agent.key] {
                let location = agent.source ?? ConfigLocation(file: file ?? first.source?.file ?? "")
                issues.append(ConfigIssue(location: location, keyPath: "agents",
                                          message: duplicateMessage(agent.key, first: first, second: agent)))
                continue
            }
            seen[agent.key] = agent
            merged.agents.append(agent)
        }
        guard issues.isEmpty else { throw ConfigError(issues) }
        return merged
    }
}
