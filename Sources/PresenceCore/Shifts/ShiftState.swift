import Foundation

/// Whether a schedule is on at some instant, and when that next changes.
public struct ShiftState: Hashable, Sendable {
    /// Whether the instant is inside a shift.
    public var isOn: Bool
    /// The end of the current shift when on, the start of the next one when off; `nil` when
    /// nothing changes within the search horizon (a 24/7 schedule, or one that never opens).
    public var changesAt: Date?

    /// Creates a state.
    public init(isOn: Bool, changesAt: Date?) {
        self.isOn = isOn
        self.changesAt = changesAt
    }

    /// Always on: no schedule, or one that never closes.
    public static let alwaysOn = ShiftState(isOn: true, changesAt: nil)
}
