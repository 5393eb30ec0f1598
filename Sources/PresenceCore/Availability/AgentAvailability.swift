/// What every presence source says about one agent now, and the one decision made from them:
/// whether the agent should be online.
///
/// Each field is one source's verdict, read from a small pure type (the config, a
/// ``ShiftTrack``, an ``OverrideBook``, later a bot's health and the node's role); the
/// scheduler fills this in and asks ``hold`` before it arms or sends, so a new source is a new
/// field here, never a special case in the timer path. The account's own pause is not a field:
/// its gate also decides probes, and it holds agents that are otherwise wanted online.
public struct AgentAvailability: Hashable, Sendable {
    /// Enabled in the config.
    public var enabled = true
    /// Inside the agent's schedule (always, without one).
    public var onShift = true
    /// The run-time override in force, if any.
    public var override: PresenceOverride.Mode?
    /// The agent's bot answers its probes (always, for an agent without a bot).
    public var botUp = true
    /// This node may ping (always, outside a cluster).
    public var isLeader = true

    /// Creates the verdicts; every source allows by default.
    public init(enabled: Bool = true, onShift: Bool = true, override: PresenceOverride.Mode? = nil, botUp: Bool = true, isLeader: Bool = true) {
        self.enabled = enabled
        self.onShift = onShift
        self.override = override
        self.botUp = botUp
        self.isLeader = isLeader
    }

    /// The first source that holds the agent offline, or `nil` when it should be online.
    ///
    /// An `online` override answers for the people behind the agent: it lifts the schedule (and
    /// a failing bot, a human taking over), never the config, the cluster role or the account.
    public var hold: HoldReason? {
        if !enabled { return .disabled }
        if !onShift, override != .online { return .offShift }
        if override == .away { return .away }
        if !botUp, override != .online { return .botDown }
        if !isLeader { return .standby }
        return nil
    }
}
