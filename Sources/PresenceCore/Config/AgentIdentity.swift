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
///
/// The key's hash is worked out once, when it is made: every ping looks its agent up by key a
/// dozen times (records, timers, retries), and hashing the text each time was a tenth of the
/// scheduler's cost per ping.
public struct AgentKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The key's text, `id:<agent id>` or `email:<lowercased email>`.
    public let rawValue: String
    /// FNV-1a of the text: fed to `Hasher` in place of the text, which still seeds it per
    /// process, so equal keys hash alike and the table's order is not predictable.
    private let digest: UInt64

    /// Creates a key from its text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in rawValue.utf8 {
            digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        self.digest = digest
    }

    /// Equal texts; the digests first, which tell most unequal keys apart without reading them.
    public static func == (lhs: AgentKey, rhs: AgentKey) -> Bool {
        lhs.digest == rhs.digest && lhs.rawValue == rhs.rawValue
    }

    /// Feeds the digest worked out at creation.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    /// ``StableHash/of(_:)`` of the text, from the digest (the same FNV-1a) made once.
    public var stableHash: UInt64 { StableHash.mix(digest) }

    /// Orders keys by their text.
    public static func < (lhs: AgentKey, rhs: AgentKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The key's text.
    public var description: String { rawValue }
}
