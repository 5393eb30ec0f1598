import PresenceCore

/// A transport that answers in virtual time with outcomes a test scripts, and logs every request.
final class ScriptedTransport: PingTransport, @unchecked Sendable {
    struct Sent {
        var key: AgentKey
        var at: MonotonicTime
        var request: PingRequest
        var outcome: PingOutcome
    }

    private let timeline: VirtualTimeline
    private(set) var sent: [Sent] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    var latency: Duration = .milliseconds(50)
    var answer: @Sendable (PingRequest, MonotonicTime) -> PingOutcome = { _, _ in .success() }

    init(timeline: VirtualTimeline) {
        self.timeline = timeline
    }

    func send(_ request: PingRequest, completion: @escaping @Sendable (PingOutcome) -> Void) {
        let now = timeline.now
        let outcome = answer(request, now)
        sent.append(Sent(key: Self.key(of: request), at: now, request: request, outcome: outcome))
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        _ = timeline.arm(at: now + latency, leeway: .zero) { [self] in
            inFlight -= 1
            completion(outcome)
        }
    }

    /// The roster key of the request's agent: account-qualified outside the one-account form.
    static func key(of request: PingRequest) -> AgentKey {
        let account = request.account == AccountSettings.defaultName ? nil : request.account
        return AgentSpec(identity: request.identity, account: account).key
    }

    /// Send times per agent, in order.
    func times(by key: AgentKey) -> [MonotonicTime] {
        sent.filter { $0.key == key }.map(\.at)
    }

    /// Times of successful pings per agent.
    func successesByAgent() -> [AgentKey: [MonotonicTime]] {
        Dictionary(grouping: sent.filter(\.outcome.isSuccess), by: \.key).mapValues { $0.map(\.at) }
    }

    /// Requests sent within `range`.
    func count(in range: Range<MonotonicTime>) -> Int {
        sent.filter { range.contains($0.at) }.count
    }

    /// Send times of every agent.
    func timesByAgent() -> [AgentKey: [MonotonicTime]] {
        Dictionary(grouping: sent, by: \.key).mapValues { $0.map(\.at) }
    }
}
