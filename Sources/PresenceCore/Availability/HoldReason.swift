/// Why an agent is kept offline: the first source, in this order, that holds it.
///
/// The order is the one the state names (DESIGN §3): an operator fixing a disabled agent need
/// not know it is also off shift, and a standby node's agents show `standby` only when nothing
/// closer to the agent holds them.
public enum HoldReason: Int, CaseIterable, Comparable, Hashable, Sendable {
    /// `enabled: false` in the config.
    case disabled
    /// Outside the agent's schedule.
    case offShift
    /// Overridden away at run time.
    case away
    /// The agent's bot fails its probes.
    case botDown
    /// This node is not the cluster's leader.
    case standby

    /// The state an agent held for this reason shows.
    public var state: AgentState {
        switch self {
        case .disabled: .disabled
        case .offShift: .offShift
        case .away: .away
        case .botDown: .botDown
        case .standby: .standby
        }
    }

    /// Earlier reasons order first.
    public static func < (lhs: HoldReason, rhs: HoldReason) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
