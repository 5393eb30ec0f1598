/// OAuth2 client credentials for a Broker that wants `Authorization: Bearer` as well as its
/// `API-KEY` (newer deployments, behind Keycloak).
public struct BotAuthSettings: Hashable, Sendable {
    /// The token endpoint (`grant_type=client_credentials`).
    public var tokenURL: String
    /// The client's ID.
    public var clientID: String
    /// Where the client secret is read; `nil` for the systemd credential.
    public var clientSecretFile: String?

    /// Creates the settings.
    public init(tokenURL: String, clientID: String, clientSecretFile: String? = nil) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecretFile = clientSecretFile
    }
}
