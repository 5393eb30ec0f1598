import Foundation

extension StandInEngine {
    /// The rules, in the order ``FaultPlan`` documents. Called under the state lock.
    func decide(_ request: IncomingRequest, check: PingBodyCheck?, keyValid: Bool, state: inout State) -> StandInReply {
        let plan = state.plan
        let now = request.monotonicNanoseconds
        switch plan.connection {
        case .hang: return .silent(.hang, delay: plan.latency)
        case .close: return .silent(.close, delay: plan.latency)
        case .reset: return .silent(.reset, delay: plan.latency)
        case .none: break
        }
        let elapsed = Duration.nanoseconds(Int64(now >= state.origin ? now - state.origin : 0))
        var status: Int?
        var message: String?
        // The delay `Retry-After` announces when the plan gives none.
        var naturalRetry: Duration?
        var window: FixedWindowCounter.Snapshot?
        var rateHeaders = true

        if request.bodyTooLarge {
            status = 413
        } else if request.path != Self.pingPath {
            status = 404
        } else if request.method != "POST" {
            status = 405
        } else if let outage = plan.outages.first(where: { $0.contains(elapsed) }) {
            status = outage.status
            naturalRetry = outage.until - elapsed
        } else if !keyValid {
            status = 401
        } else if let verdict = keyVerdict(for: request.apiKey, elapsed: elapsed, now: now, state: &state) {
            status = verdict.status
            naturalRetry = verdict.naturalRetry
            window = verdict.window
            rateHeaders = verdict.rateHeaders
        } else if let result = state.counter?.consume(at: now) {
            window = result.snapshot
            if !result.allowed {
                status = 429
                naturalRetry = result.snapshot.reset
            }
        }
        if status == nil, let problem = check?.problem {
            status = 400
            message = problem
        } else if status == nil, plan.failureRate > 0,
            Double.random(in: 0..<1, using: &state.random) < plan.failureRate
        {
            status = plan.failureStatus
        }
        let answered = status ?? plan.successStatus
        if window == nil, rateHeaders { window = state.counter?.peek(at: now) }

        var headers: [(String, String)] = [
            ("sib-request-id", UUID().uuidString.lowercased()),
            ("date", IMFFixdate.format(secondsSinceEpoch: Int64(request.receivedAt.timeIntervalSince1970))),
        ]
        if let window, rateHeaders {
            headers.append(("x-sib-ratelimit-limit", String(window.limit)))
            headers.append(("x-sib-ratelimit-remaining", String(window.remaining)))
            headers.append(("x-sib-ratelimit-reset", String(Self.wholeSecondsRoundedUp(window.reset))))
        }
        if let rule = plan.retryAfter, answered == 429 || (500...599).contains(answered) {
            let delay = rule.delay ?? naturalRetry ?? .seconds(1)
            let seconds = Self.wholeSecondsRoundedUp(delay)
            switch rule.form {
            case .seconds:
                headers.append(("retry-after", String(seconds)))
            case .httpDate:
                let at = Int64(request.receivedAt.timeIntervalSince1970) + seconds
                headers.append(("retry-after", IMFFixdate.format(secondsSinceEpoch: at)))
            }
        }

        var body: [UInt8] = []
        if !(200...299).contains(answered) {
            let error = StandInErrorBody.make(status: answered, message: message, style: plan.errorBody, apiKey: request.apiKey)
            headers.append(("content-type", error.contentType))
            body = error.bytes
        }
        return StandInReply(
            action: .answer, status: answered, headers: headers, body: body,
            delay: plan.latency, trickle: plan.trickle, closeAfter: request.bodyTooLarge
        )
    }

    private static func wholeSecondsRoundedUp(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return max(0, attoseconds > 0 ? seconds + 1 : seconds)
    }
}
