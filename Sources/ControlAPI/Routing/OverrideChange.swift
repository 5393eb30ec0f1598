import Foundation
import PresenceCore

/// The body of `PUT /v1/agents/{key}/override`: which way to override, until when, and why.
public struct OverrideChange: Sendable, Equatable {
    /// Which way an override holds an agent: the core's own modes, so the API and the
    /// scheduler cannot disagree on them.
    public typealias Mode = PresenceOverride.Mode

    /// Which way the agent is held.
    public var mode: Mode
    /// When the override ends by itself; `nil` holds until cleared.
    public var until: Date?
    /// Free text for the status document, e.g. who asked and why.
    public var reason: String?

    /// An override holding the agent `mode` until `until` (or until cleared).
    public init(mode: Mode, until: Date? = nil, reason: String? = nil) {
        self.mode = mode
        self.until = until
        self.reason = reason
    }
}
