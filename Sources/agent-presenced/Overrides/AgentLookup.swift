import PresenceCore

/// Finds the agent an operator means by `AGENT`: its key, its ID, its email (any case) or its
/// label, among the running daemon's agents.
enum AgentLookup {
    /// Why no single agent was found.
    enum Problem: Error, CustomStringConvertible {
        /// Nothing matches.
        case unknown(String, candidates: [AgentStatus])
        /// Several agents match.
        case ambiguous(String, matches: [AgentStatus])

        /// The message, listing what the operator could have meant.
        var description: String {
            switch self {
            case .unknown(let name, let candidates):
                let some = candidates.prefix(10).map(AgentLookup.describe).joined(separator: "\n  ")
                let more = candidates.count > 10 ? "\n  … and \(candidates.count - 10) more" : ""
                return "no agent '\(name)' in the running daemon's roster; give a key, an ID, an email or a unique label. Agents:\n  \(some)\(more)"
            case .ambiguous(let name, let matches):
                return "'\(name)' matches \(matches.count) agents; give one of their keys:\n  "
                    + matches.map(AgentLookup.describe).joined(separator: "\n  ")
            }
        }
    }

    /// The one agent `name` designates.
    static func find(_ name: String, in agents: [AgentStatus]) throws(Problem) -> AgentStatus {
        if let exact = agents.first(where: { $0.key == name }) { return exact }
        let lowered = name.lowercased()
        let matches = agents.filter { agent in
            agent.id == name || agent.email?.lowercased() == lowered || agent.label == name
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .unknown(name, candidates: agents)
        default: throw .ambiguous(name, matches: matches)
        }
    }

    /// `sales/id:a1 (Alice, account sales)`.
    static func describe(_ agent: AgentStatus) -> String {
        var details: [String] = []
        if let label = agent.label { details.append(label) }
        if agent.account != AccountSettings.defaultName { details.append("account \(agent.account)") }
        return details.isEmpty ? agent.key : "\(agent.key) (\(details.joined(separator: ", ")))"
    }
}
