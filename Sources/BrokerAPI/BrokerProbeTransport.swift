import PresenceCore

/// The daemon's ``ProbeTransport``: probes go through the shared ``BrokerClient``.
public struct BrokerProbeTransport: ProbeTransport {
    /// The client the probes go through.
    public let client: BrokerClient

    /// Creates a transport over `client`.
    public init(client: BrokerClient) {
        self.client = client
    }

    /// Runs `request` and calls `completion` exactly once, on any thread.
    public func probe(_ request: ProbeRequest, completion: @escaping @Sendable (ProbeOutcome) -> Void) {
        client.probe(request, completion: completion)
    }
}
