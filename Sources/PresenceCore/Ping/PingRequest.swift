/// One `agentOnlinePing` to send: for which account, who, and the optional `receivedFrom` tag.
public struct PingRequest: Hashable, Sendable {
    /// The agent to keep online.
    public var identity: AgentIdentity
    /// The `receivedFrom` tag, when configured.
    public var receivedFrom: String?
    /// The name of the account whose base URL and key the request uses.
    public var account: String

    /// Creates a request.
    public init(identity: AgentIdentity, receivedFrom: String? = nil, account: String = AccountSettings.defaultName) {
        self.identity = identity
        self.receivedFrom = receivedFrom
        self.account = account
    }
}
