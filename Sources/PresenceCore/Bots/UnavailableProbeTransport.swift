/// The transport of a scheduler given none: every probe fails at once, so a bot's agents stay
/// offline rather than online on a bot nobody checks.
public struct UnavailableProbeTransport: ProbeTransport {
    /// Creates the transport.
    public init() {}

    /// Fails `request` at once.
    public func probe(_ request: ProbeRequest, completion: @escaping @Sendable (ProbeOutcome) -> Void) {
        completion(.failed(.transport(.cancelled, message: "no Broker client")))
    }
}
