/// How many agents are in each state, and the one-line text `systemctl status` shows.
public struct RosterSummary: Hashable, Sendable {
    /// Agents per state.
    public var counts: [AgentState: Int]

    /// Counts the states of `records`.
    public init(_ records: some Sequence<AgentRecord>) {
        var counts: [AgentState: Int] = [:]
        for record in records { counts[record.state, default: 0] += 1 }
        self.counts = counts
    }

    /// Wraps counts kept elsewhere.
    public init(counts: [AgentState: Int]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    /// All agents, enabled or not.
    public var total: Int { counts.values.reduce(0, +) }

    /// `12 agents: 11 online, 1 retrying` (states in a fixed order, zero counts left out).
    public var line: String {
        let noun = total == 1 ? "agent" : "agents"
        let parts = AgentState.allCases.compactMap { state in
            counts[state].flatMap { $0 > 0 ? "\($0) \(state.rawValue)" : nil }
        }
        return parts.isEmpty ? "0 agents" : "\(total) \(noun): " + parts.joined(separator: ", ")
    }
}
