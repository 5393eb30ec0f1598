import PresenceCore

/// Finds the agent an operator means by `AGENT`: its key, its ID, its email (any case) or its
/// label, among the config's agents (`ping`) or the running daemon's (`away`, `online`, `clear`).
enum AgentLookup {
    /// What a name is matched against, whichever list it comes from.
    struct Candidate {
        var key: String
        var id: String?
        var email: String?
        var label: String?
        var account: String

        init(_ spec: AgentSpec) {
            key = spec.key.rawValue
            switch spec.identity {
            case .id(let value): id = value
            case .email(let value, _): email = value
            }
            label = spec.label
            account = spec.accountName
        }

        init(_ status: AgentStatus) {
            key = status.key
            id = status.id
            email = status.email
            label = status.label
            account = status.account
        }
    }

    /// Why no single agent was found.
    enum Problem: Error, CustomStringConvertible {
        /// Nothing matches.
        case unknown(String, candidates: [Candidate])
        /// Several agents match.
        case ambiguous(String, matches: [Candidate])

        /// The message, listing what the operator could have meant.
        var description: String {
            switch self {
            case .unknown(let name, let candidates):
                let some = candidates.prefix(10).map(AgentLookup.describe).joined(separator: "\n  ")
                let more = candidates.count > 10 ? "\n  … and \(candidates.count - 10) more" : ""
                return "no agent '\(name)' in the roster; give a key, an ID, an email or a unique label. Agents:\n  \(some)\(more)"
            case .ambiguous(let name, let matches):
                return "'\(name)' matches \(matches.count) agents; give one of their keys:\n  "
                    + matches.map(AgentLookup.describe).joined(separator: "\n  ")
            }
        }
    }

    /// The position in `agents` of the one agent `name` designates.
    static func find(_ name: String, in agents: [Candidate]) throws(Problem) -> Int {
        if let exact = agents.firstIndex(where: { $0.key == name }) { return exact }
        let lowered = name.lowercased()
        let matches = agents.indices.filter { index in
            let agent = agents[index]
            return agent.id == name || agent.email?.lowercased() == lowered || agent.label == name
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .unknown(name, candidates: agents)
        default: throw .ambiguous(name, matches: matches.map { agents[$0] })
        }
    }

    /// The running daemon's entry `name` designates.
    static func find(_ name: String, in agents: [AgentStatus]) throws(Problem) -> AgentStatus {
        agents[try find(name, in: agents.map(Candidate.init))]
    }

    /// The config's agent `name` designates.
    static func find(_ name: String, in agents: [AgentSpec]) throws(Problem) -> AgentSpec {
        agents[try find(name, in: agents.map(Candidate.init))]
    }

    /// `sales/id:a1 (Alice, account sales)`.
    static func describe(_ agent: Candidate) -> String {
        var details: [String] = []
        if let label = agent.label { details.append(label) }
        if agent.account != AccountSettings.defaultName { details.append("account \(agent.account)") }
        return details.isEmpty ? agent.key : "\(agent.key) (\(details.joined(separator: ", ")))"
    }

    /// `sales/id:a1 (Alice, account sales)`.
    static func describe(_ agent: AgentStatus) -> String {
        describe(Candidate(agent))
    }
}
