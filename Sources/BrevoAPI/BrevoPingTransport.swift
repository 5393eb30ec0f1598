import PresenceCore

/// The daemon's ``PingTransport``: each ping runs in its own task on a shared ``BrevoClient``.
public struct BrevoPingTransport: PingTransport {
    /// The client the pings go through.
    public let client: BrevoClient

    /// Creates a transport over `client`.
    public init(client: BrevoClient) {
        self.client = client
    }

    /// Sends `request` and calls `completion` exactly once, from the task that sent it.
    public func send(_ request: PingRequest, completion: @escaping @Sendable (PingOutcome) -> Void) {
        let client = client
        Task {
            completion(await client.agentOnlinePing(request))
        }
    }

    /// Recycles the client's pooled connections; pings in flight finish on the old ones.
    public func recycleConnections() {
        client.recycleConnections()
    }
}
