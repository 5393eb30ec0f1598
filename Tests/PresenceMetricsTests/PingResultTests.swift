import PresenceCore
@testable import PresenceMetrics
import Testing

@Suite struct PingResultTests {
    @Test("each outcome has DESIGN's result label", arguments: [
        (PingOutcome.success(), "ok"),
        (PingOutcome.httpError(status: 429), "rate_limited"),
        (PingOutcome.httpError(status: 404), "http_4xx"),
        (PingOutcome.httpError(status: 401), "http_4xx"),
        (PingOutcome.httpError(status: 503), "http_5xx"),
        (PingOutcome.httpError(status: 302), "other"),
        (PingOutcome.transportError(.timeout, message: "t"), "timeout"),
        (PingOutcome.transportError(.connect, message: "TLS failure: x"), "connect"),
        (PingOutcome.transportError(.connectionClosed, message: "reset"), "other"),
        (PingOutcome.transportError(.protocolError, message: "bad"), "other"),
    ])
    func label(outcome: PingOutcome, label: String) {
        #expect(PingResult(outcome).label == label)
    }

    @Test func theLabelsAreDesignsSeven() {
        #expect(PingResult.allCases.map(\.label) == ["ok", "http_4xx", "rate_limited", "http_5xx", "timeout", "connect", "other"])
    }
}
