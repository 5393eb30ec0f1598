/// One Brevo account as configured: where its API is, its key's source, its budget.
///
/// The one-account form (`brevo:` + `rate_limit:`) is one account named ``defaultName``; the
/// `accounts:` form names each.
public struct AccountSettings: Hashable, Sendable {
    /// The account's name (`[a-z0-9][a-z0-9_-]{0,31}`).
    public var name: String
    /// Base URL, key file and `receivedFrom` tag.
    public var brevo: BrevoSettings
    /// The account's budget, when known.
    public var rateLimit: RateLimitSettings
    /// The default schedule of its agents, by name; `nil` when the account sets none.
    public var schedule: String?
    /// Where the account was declared, for messages about it.
    public var source: ConfigLocation?

    /// The name of the one account of the one-account form.
    public static let defaultName = "default"

    /// Creates an account's settings.
    public init(
        name: String = AccountSettings.defaultName,
        brevo: BrevoSettings = BrevoSettings(),
        rateLimit: RateLimitSettings = RateLimitSettings(),
        schedule: String? = nil,
        source: ConfigLocation? = nil
    ) {
        self.name = name
        self.brevo = brevo
        self.rateLimit = rateLimit
        self.schedule = schedule
        self.source = source
    }

    /// Whether `name` is a valid account name: `[a-z0-9][a-z0-9_-]{0,31}`.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 32, isAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
