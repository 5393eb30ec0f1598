/// One bot's entry in the status file's `bots` object (keyed by the bot's name).
///
/// Field names and meanings are a contract (DESIGN.md section 4, "Bots"); optional fields are
/// written as explicit `null`s.
public struct BotStatus: Codable, Hashable, Sendable {
    /// `unknown` (no verdict yet), `up` or `down`.
    public var state: String
    /// When the state began (RFC 3339 UTC).
    public var since: String
    /// When the last probe completed (RFC 3339 UTC); `nil` before the first.
    public var lastProbeAt: String?
    /// When the last good probe completed (RFC 3339 UTC); `nil` before the first.
    public var lastOKAt: String?
    /// Failed probes in a row (0 after a good one).
    public var consecutiveFailures: Int
    /// The last failure, one line, kept after later good probes; `nil` before the first.
    public var lastError: String?
    /// The last probe's latency in milliseconds, once an answer arrived.
    public var latencyMS: Int?
    /// Good probes since the start.
    public var probesOK: Int
    /// Failed probes since the start.
    public var probesFailed: Int

    /// Creates an entry.
    public init(
        state: String, since: String, lastProbeAt: String?, lastOKAt: String?, consecutiveFailures: Int,
        lastError: String?, latencyMS: Int?, probesOK: Int, probesFailed: Int
    ) {
        self.state = state
        self.since = since
        self.lastProbeAt = lastProbeAt
        self.lastOKAt = lastOKAt
        self.consecutiveFailures = consecutiveFailures
        self.lastError = lastError
        self.latencyMS = latencyMS
        self.probesOK = probesOK
        self.probesFailed = probesFailed
    }

    enum CodingKeys: String, CodingKey {
        case state, since
        case lastProbeAt = "last_probe_at"
        case lastOKAt = "last_ok_at"
        case consecutiveFailures = "consecutive_failures"
        case lastError = "last_error"
        case latencyMS = "latency_ms"
        case probesOK = "probes_ok"
        case probesFailed = "probes_failed"
    }

    /// Writes every key, `null` for absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(since, forKey: .since)
        try container.encode(lastProbeAt, forKey: .lastProbeAt)
        try container.encode(lastOKAt, forKey: .lastOKAt)
        try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(latencyMS, forKey: .latencyMS)
        try container.encode(probesOK, forKey: .probesOK)
        try container.encode(probesFailed, forKey: .probesFailed)
    }
}
