/// An agent's run-time override as the status file shows it: `{mode, until, reason, set_at}`.
public struct OverrideStatus: Codable, Hashable, Sendable {
    /// `away` or `online`.
    public var mode: String
    /// When it ends (RFC 3339 UTC); `null` until cleared.
    public var until: String?
    /// The operator's reason.
    public var reason: String?
    /// When it was set (RFC 3339 UTC).
    public var setAt: String

    /// Creates the entry.
    public init(mode: String, until: String?, reason: String?, setAt: String) {
        self.mode = mode
        self.until = until
        self.reason = reason
        self.setAt = setAt
    }

    /// The entry of `override`.
    public init(_ override: PresenceOverride) {
        self.init(mode: override.mode.rawValue, until: override.until.map(RFC3339.string(from:)),
                  reason: override.reason, setAt: RFC3339.string(from: override.setAt))
    }

    enum CodingKeys: String, CodingKey {
        case mode, until, reason
        case setAt = "set_at"
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encode(until, forKey: .until)
        try container.encode(reason, forKey: .reason)
        try container.encode(setAt, forKey: .setAt)
    }
}
