import PresenceCore

/// One account's API base and key, as ``BrevoClient`` holds them for that account's pings.
///
/// Its descriptions (`print`, string interpolation, `dump`) leave the key out.
public struct BrevoAccountCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The account's name, as `PingRequest.account` names it.
    public var name: String
    /// The API base, e.g. `https://api.brevo.com/v3`.
    public var baseURL: String
    /// The account's API key; sent only in the `api-key` header.
    public var apiKey: String
    /// How its pings reach the API: extra CA certificates and the proxy.
    public var transport: HTTPTransport

    /// Creates an account's credentials; the name defaults to the one-account form's `default`.
    public init(
        name: String = AccountSettings.defaultName, baseURL: String, apiKey: String, transport: HTTPTransport = .direct
    ) {
        self.name = name
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
    }

    /// The name and base URL, never the key.
    public var description: String {
        "BrevoAccountCredentials(name: \(name), baseURL: \(baseURL), apiKey: [redacted])"
    }

    /// The same as ``description``: the key stays out.
    public var debugDescription: String { description }

    /// The name and base URL only, so `dump` and reflection never show the key.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "baseURL": baseURL], displayStyle: .struct)
    }
}
