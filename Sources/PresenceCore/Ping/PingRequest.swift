/// One `agentOnlinePing` to send: who, and the optional `receivedFrom` tag.
public struct PingRequest: Hashable, Sendable {
    /// The agent to keep online.
    public var identity: AgentIdentity
    /// The `receivedFrom` tag, when configured.
    public var receivedFrom: String?

    /// Creates a request.
    public init(identity: AgentIdentity, receivedFrom: String? = nil) {
        self.identity = identity
        self.receivedFrom = receivedFrom
    }
}
