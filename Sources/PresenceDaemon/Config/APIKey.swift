/// The Brevo API key: printing, interpolating or dumping it shows `<redacted>`.
///
/// The raw value is only reachable through `secret`, so a key cannot end up in a log line,
/// the status file or an error message by accident.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself, for the `api-key` request header and nothing else.
    public let secret: String

    /// Wraps a key.
    public init(secret: String) {
        self.secret = secret
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// No children, so `dump` and `Mirror` show nothing of the key either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
