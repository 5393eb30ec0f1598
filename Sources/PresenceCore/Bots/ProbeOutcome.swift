/// The result of one probe, as the Broker edge reports it to the core.
public struct ProbeOutcome: Hashable, Sendable {
    /// Why the bot is unhealthy; `nil` when it answered as expected.
    public var failure: ProbeFailure?
    /// The start's HTTP status, when an answer arrived.
    public var status: Int?
    /// The bot's answers' texts, in order (empty without a good answer).
    public var answerTexts: [String]
    /// Whether the test session was closed: `nil` when none was opened, `false` when the
    /// close failed (logged, not held against the bot).
    public var sessionClosed: Bool?
    /// Why the close failed, when it did.
    public var closeError: String?
    /// The Broker's `Retry-After`, on a 429 or 503 that carried one.
    public var retryAfter: Duration?
    /// From the first byte sent to the start's answer.
    public var latency: Duration

    /// Creates an outcome.
    public init(
        failure: ProbeFailure?, status: Int? = nil, answerTexts: [String] = [], sessionClosed: Bool? = nil,
        closeError: String? = nil, retryAfter: Duration? = nil, latency: Duration = .zero
    ) {
        self.failure = failure
        self.status = status
        self.answerTexts = answerTexts
        self.sessionClosed = sessionClosed
        self.closeError = closeError
        self.retryAfter = retryAfter
        self.latency = latency
    }

    /// A healthy probe.
    public static func healthy(answerTexts: [String], sessionClosed: Bool = true, latency: Duration = .zero) -> ProbeOutcome {
        ProbeOutcome(failure: nil, status: 200, answerTexts: answerTexts, sessionClosed: sessionClosed, latency: latency)
    }

    /// A failed probe.
    public static func failed(_ failure: ProbeFailure, status: Int? = nil, retryAfter: Duration? = nil, latency: Duration = .zero) -> ProbeOutcome {
        ProbeOutcome(failure: failure, status: status, retryAfter: retryAfter, latency: latency)
    }

    /// Whether the bot answered as expected.
    public var isHealthy: Bool { failure == nil }

    /// The answer's text as one line: the answers joined with ` / `.
    public var answerText: String { answerTexts.joined(separator: " / ") }
}
