import PresenceCore

/// A Broker that answers probes in virtual time with outcomes a test scripts, and logs them.
final class ScriptedProbeTransport: ProbeTransport, @unchecked Sendable {
    struct Probe {
        var bot: String
        var at: MonotonicTime
        var request: ProbeRequest
        var outcome: ProbeOutcome
    }

    private let timeline: VirtualTimeline
    private(set) var probes: [Probe] = []
    var latency: Duration = .milliseconds(200)
    var answer: @Sendable (ProbeRequest, MonotonicTime) -> ProbeOutcome = { _, _ in .healthy(answerTexts: ["Hello"]) }

    init(timeline: VirtualTimeline) {
        self.timeline = timeline
    }

    func probe(_ request: ProbeRequest, completion: @escaping @Sendable (ProbeOutcome) -> Void) {
        let now = timeline.now
        let outcome = answer(request, now)
        probes.append(Probe(bot: request.bot.name, at: now, request: request, outcome: outcome))
        _ = timeline.arm(at: now + latency, leeway: .zero) { completion(outcome) }
    }

    /// Probe times of `bot`, in order.
    func times(of bot: String) -> [MonotonicTime] {
        probes.filter { $0.bot == bot }.map(\.at)
    }
}
