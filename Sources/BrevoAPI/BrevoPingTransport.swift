import PresenceCore

/// The daemon's ``PingTransport``: pings go straight onto the shared ``BrevoClient``'s event
/// loops, with no Swift task per ping.
public struct BrevoPingTransport: PingTransport {
    /// The client the pings go through.
    public let client: BrevoClient

    /// Creates a transport over `client`.
    public init(client: BrevoClient) {
        self.client = client
    }

    /// Sends `request` and calls `completion` exactly once, on an event loop.
    public func send(_ request: PingRequest, completion: @escaping @Sendable (PingOutcome) -> Void) {
        client.agentOnlinePing(request, completion: completion)
    }

    /// Recycles the client's pooled connections; pings in flight finish on the old ones.
    public func recycleConnections() {
        client.recycleConnections()
    }
}
