/// The Broker seam: runs one probe (token, test conversation, close) and reports its outcome.
///
/// The daemon's implementation uses `BrokerAPI`; tests use a scripted one in virtual time.
/// `completion` may be called on any thread; the prober hops back onto its own queue.
public protocol ProbeTransport: Sendable {
    /// Runs `request` and calls `completion` exactly once with the outcome.
    func probe(_ request: ProbeRequest, completion: @escaping @Sendable (ProbeOutcome) -> Void)
}
