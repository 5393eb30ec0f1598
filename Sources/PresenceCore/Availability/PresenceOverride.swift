import Foundation

/// A run-time override of one agent's presence: `away` or `online`, until a time or until
/// cleared, with the operator's reason.
///
/// Wall-clock times, not monotonic ones: an override is persisted and must mean the same
/// instant after a restart or a reboot.
public struct PresenceOverride: Codable, Hashable, Sendable {
    /// What the override asks for.
    public enum Mode: String, Codable, CaseIterable, Hashable, Sendable {
        /// Keep the agent offline, even on shift.
        case away
        /// Keep the agent online, even off shift.
        case online
    }

    /// What the override asks for.
    public var mode: Mode
    /// When it ends by itself; `nil` until cleared.
    public var until: Date?
    /// Why, in the operator's words.
    public var reason: String?
    /// When it was set.
    public var setAt: Date

    /// Creates an override.
    public init(mode: Mode, until: Date? = nil, reason: String? = nil, setAt: Date) {
        self.mode = mode
        self.until = until
        self.reason = reason
        self.setAt = setAt
    }

    /// The longest reason an override may carry: it goes to the journal and the status file.
    public static let reasonLimit = 500

    /// Why `reason` cannot be kept, if it cannot: too long, or not one line.
    public static func problem(withReason reason: String) -> String? {
        if reason.count > reasonLimit { return "the reason is \(reason.count) characters long; at most \(reasonLimit)" }
        if reason.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the reason must be one line of text, without control characters"
        }
        return nil
    }

    /// Whether the override has ended at `date`.
    public func hasExpired(at date: Date) -> Bool {
        until.map { date >= $0 } ?? false
    }

    enum CodingKeys: String, CodingKey {
        case mode, until, reason
        case setAt = "set_at"
    }
}
