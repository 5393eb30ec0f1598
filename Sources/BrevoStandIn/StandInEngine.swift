import Foundation
import Synchronization

/// The stand-in's shared state: the fault plan, its counters, and the record of requests.
///
/// The HTTP handlers of all connections call ``reply(to:)``; each decision is made under one
/// lock so the rate-limit counter and the random failures are exact under concurrency.
final class StandInEngine: Sendable {
    struct State {
        var plan: FaultPlan
        /// When the plan was installed (monotonic nanoseconds): spans and windows start here.
        var origin: UInt64
        var random: SplitMix64
        var counter: FixedWindowCounter?
        /// The windows of keys with their own budget (``FaultPlan/KeyFault/budget(_:headers:)``).
        var keyCounters: [String: FixedWindowCounter] = [:]
        var requests: [RecordedRequest] = []

        init(plan: FaultPlan, origin: UInt64) {
            self.plan = plan
            self.origin = origin
            random = SplitMix64(seed: plan.seed)
            counter = plan.rateLimit.map { FixedWindowCounter($0, originNanoseconds: origin) }
            for case let (key, .budget(budget, _)) in plan.keyFaults {
                keyCounters[key] = FixedWindowCounter(budget, originNanoseconds: origin)
            }
        }
    }

    /// The path Brevo serves the ping on.
    static let pingPath = "/v3/conversations/agentOnlinePing"

    private let apiKeys: Set<String>
    private let log: RequestLog?
    let state: Mutex<State>

    init(apiKeys: Set<String>, plan: FaultPlan, log: RequestLog?) {
        self.apiKeys = apiKeys
        self.log = log
        state = Mutex(State(plan: plan, origin: Self.monotonicNow()))
    }

    /// Installs a new plan; its spans, window and random sequence start now.
    func install(_ plan: FaultPlan) {
        let now = Self.monotonicNow()
        state.withLock { state in
            let requests = state.requests
            state = State(plan: plan, origin: now)
            state.requests = requests
        }
    }

    /// A snapshot of the recorded requests.
    var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// Forgets the recorded requests.
    func clearRequests() { state.withLock { $0.requests.removeAll() } }

    /// Decides the answer to `request` and records it.
    func reply(to request: IncomingRequest) -> StandInReply {
        let check = request.path == Self.pingPath ? PingBodyCheck(body: request.body) : nil
        let acceptedKey = request.apiKey.flatMap { apiKeys.contains($0) ? $0 : nil }
        var record = RecordedRequest(
            receivedAt: request.receivedAt,
            monotonicNanoseconds: request.monotonicNanoseconds,
            connection: request.connection,
            method: request.method,
            path: request.path,
            agentId: check?.agentId,
            agentEmail: check?.agentEmail,
            agentName: check?.agentName,
            receivedFrom: check?.receivedFrom,
            apiKeyValid: acceptedKey != nil,
            apiKey: acceptedKey,
            contentType: request.contentType,
            userAgent: request.userAgent,
            status: nil
        )
        let reply = state.withLock { state in
            let reply = decide(request, check: check, keyValid: record.apiKeyValid, state: &state)
            record.status = reply.action == .answer ? reply.status : nil
            state.requests.append(record)
            return reply
        }
        log?.append(record)
        return reply
    }

    /// `CLOCK_MONOTONIC` in nanoseconds, the same clock the daemon's `MonotonicTime` reads.
    static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
