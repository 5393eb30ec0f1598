/// The faults the stand-in injects, as one value that can be swapped at run time.
///
/// Rules apply in this order: connection fault, latency, outage span, API key, the key's own
/// fault, rate limit, body check, random failure, success. Spans are measured from the moment the plan is
/// installed (``BrevoStandIn/start(host:port:apiKeys:faults:logFile:)`` or
/// ``BrevoStandIn/setFaults(_:)``).
public struct FaultPlan: Sendable, Equatable {
    /// The status of a successful ping (Brevo documents 201; 200 and 204 are also seen).
    public var successStatus: Int
    /// The share of otherwise good requests answered with ``failureStatus``, from 0 to 1.
    public var failureRate: Double
    /// The status of a random failure.
    public var failureStatus: Int
    /// The seed of the random failures, so a run can be repeated.
    public var seed: UInt64
    /// Time added before every answer.
    public var latency: Duration
    /// What happens to the connection instead of an answer.
    public var connection: ConnectionFault
    /// A fixed-window rate limit that answers 429 once spent.
    public var rateLimit: RateLimit?
    /// Whether and how 429 and 5xx answers carry `Retry-After`.
    public var retryAfter: RetryAfter?
    /// Spans during which every request gets a fixed status (an outage, a revoked key).
    public var outages: [Outage]
    /// How error bodies look.
    public var errorBody: ErrorBody
    /// Answer bodies sent a few bytes at a time.
    public var trickle: Trickle?
    /// Faults of single API keys, by key: one account rate-limited or refused, the others not.
    public var keyFaults: [String: KeyFault]

    /// Creates a plan; every fault is off by default.
    public init(
        successStatus: Int = 201,
        failureRate: Double = 0,
        failureStatus: Int = 503,
        seed: UInt64 = 0x5EED,
        latency: Duration = .zero,
        connection: ConnectionFault = .none,
        rateLimit: RateLimit? = nil,
        retryAfter: RetryAfter? = nil,
        outages: [Outage] = [],
        errorBody: ErrorBody = .json,
        trickle: Trickle? = nil,
        keyFaults: [String: KeyFault] = [:]
    ) {
        self.successStatus = successStatus
        self.failureRate = failureRate
        self.failureStatus = failureStatus
        self.seed = seed
        self.latency = latency
        self.connection = connection
        self.rateLimit = rateLimit
        self.retryAfter = retryAfter
        self.outages = outages
        self.errorBody = errorBody
        self.trickle = trickle
        self.keyFaults = keyFaults
    }

    /// No faults: every valid ping gets 201.
    public static let none = FaultPlan()
}
