/// How Brevo identifies an agent: by its Brevo agent ID, or by email and display name.
///
/// An unknown email makes Brevo create a new "dummy" agent, so the email form is validated hard
/// by the config parser before it ever reaches the wire.
public enum AgentIdentity: Hashable, Sendable {
    /// An existing Brevo agent, by ID.
    case id(String)
    /// An agent by email address and display name.
    case email(String, name: String)

    /// The roster key: stable across reloads and processes, the input of the phase hash.
    ///
    /// Only identity fields take part, so a changed label keeps the key while a change from the
    /// email form to the ID form makes a new agent.
    public var key: AgentKey {
        switch self {
        case .id(let id): AgentKey("id:" + id)
        case .email(let email, _): AgentKey("email:" + email.lowercased())
        }
    }
}

/// The stable key of an agent in the roster.
public struct AgentKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The key's text, `id:<agent id>` or `email:<lowercased email>`.
    public let rawValue: String

    /// Creates a key from its text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Orders keys by their text.
    public static func < (lhs: AgentKey, rhs: AgentKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The key's text.
    public var description: String { rawValue }
}
