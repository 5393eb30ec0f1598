import Foundation

/// The run-time overrides in force, by agent: one source of ``AgentAvailability``.
///
/// Asked on every ping, so an empty book (the usual case) answers without hashing the key.
public struct OverrideBook: Sendable {
    /// The overrides, by agent.
    public private(set) var entries: [AgentKey: PresenceOverride] = [:]

    /// Creates a book holding `entries`.
    public init(_ entries: [AgentKey: PresenceOverride] = [:]) {
        self.entries = entries
    }

    /// The mode overriding `key`, if any.
    @inlinable
    public func mode(for key: AgentKey) -> PresenceOverride.Mode? {
        entries.isEmpty ? nil : entries[key]?.mode
    }

    /// The override of `key`, if any.
    public subscript(key: AgentKey) -> PresenceOverride? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    /// The agents whose override has ended at `date`.
    public func expired(at date: Date) -> [AgentKey] {
        entries.compactMap { $0.value.hasExpired(at: date) ? $0.key : nil }.sorted()
    }

    /// Keeps only the overrides of `keys`; returns the agents dropped.
    public mutating func keep(only keys: (AgentKey) -> Bool) -> [AgentKey] {
        let dropped = entries.keys.filter { !keys($0) }.sorted()
        for key in dropped { entries[key] = nil }
        return dropped
    }
}
