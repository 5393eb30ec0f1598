import Foundation

/// What a status report needs from the presence sources beyond each record: the overrides in
/// force and each schedule's current shift, by the position records point to.
public struct AvailabilityView: Equatable, Sendable {
    /// One schedule's shift at the snapshot's moment.
    public struct Shift: Hashable, Sendable {
        /// The schedule's name.
        public var name: String
        /// Whether its agents are on shift.
        public var isOn: Bool
        /// When that next changes; `nil` when it never does.
        public var changesAt: Date?

        /// Creates the entry.
        public init(name: String, isOn: Bool, changesAt: Date?) {
            self.name = name
            self.isOn = isOn
            self.changesAt = changesAt
        }
    }

    /// The overrides in force, by agent.
    public var overrides: [AgentKey: PresenceOverride]
    /// The schedules in use, at the positions ``AgentRecord/shiftIndex`` names.
    public var shifts: [Shift]

    /// Creates a view; the default is a roster without overrides or schedules.
    public init(overrides: [AgentKey: PresenceOverride] = [:], shifts: [Shift] = []) {
        self.overrides = overrides
        self.shifts = shifts
    }
}
