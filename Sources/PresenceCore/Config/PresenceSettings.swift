/// The Brevo connection settings.
public struct BrevoSettings: Hashable, Sendable {
    /// Brevo's API base URL, default `https://api.brevo.com/v3`.
    public var baseURL: String
    /// Where the API key is read from; `nil` means `$CREDENTIALS_DIRECTORY/brevo-api-key`.
    public var apiKeyFile: String?
    /// The optional `receivedFrom` tag sent with every ping.
    public var receivedFrom: String?
    /// A PEM bundle of CA certificates trusted beside the system's, for this API.
    public var caFile: String?

    /// Brevo's production API base URL.
    public static let defaultBaseURL = "https://api.brevo.com/v3"

    /// Creates Brevo settings.
    public init(
        baseURL: String = BrevoSettings.defaultBaseURL, apiKeyFile: String? = nil, receivedFrom: String? = nil,
        caFile: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKeyFile = apiKeyFile
        self.receivedFrom = receivedFrom
        self.caFile = caFile
    }
}

/// The ping cadence and limits.
public struct PingSettings: Hashable, Sendable {
    /// Time between two pings of one agent (1 s … 10 min).
    public var interval: Duration
    /// Each tick is moved by a fresh random offset within ±`jitter`.
    public var jitter: Duration
    /// Connect and read deadline of one request.
    public var timeout: Duration
    /// How long Brevo keeps an agent online after a ping.
    public var presenceWindow: Duration
    /// The most requests in flight at once.
    public var maxInFlight: Int

    /// Creates ping settings; `jitter` defaults to 2 s, or a tenth of a shorter interval.
    public init(
        interval: Duration = .seconds(60),
        jitter: Duration? = nil,
        timeout: Duration = .seconds(10),
        presenceWindow: Duration = .seconds(120),
        maxInFlight: Int = 16
    ) {
        self.interval = interval
        self.jitter = jitter ?? PingSettings.defaultJitter(for: interval)
        self.timeout = timeout
        self.presenceWindow = presenceWindow
        self.maxInFlight = maxInFlight
    }

    /// Requests per hour `agents` enabled agents cost at this interval, retries excluded.
    public func requestsPerHour(agents: Int) -> Double {
        Double(agents) * 3600 / interval.seconds
    }

    /// The jitter used when the config sets none: 2 s, at most a tenth of the interval.
    public static func defaultJitter(for interval: Duration) -> Duration {
        min(.seconds(2), interval / 10)
    }

    /// The shortest allowed interval.
    public static let minimumInterval: Duration = .seconds(1)
    /// The longest allowed interval.
    public static let maximumInterval: Duration = .seconds(600)
}

/// The account's request budget.
public struct RateLimitSettings: Hashable, Sendable {
    /// Requests per hour the account allows, when known.
    public var requestsPerHour: Int?

    /// The largest budget accepted: far above any Brevo plan (100, 200 or 600 an hour), low
    /// enough that the hourly arithmetic stays exact.
    public static let maxRequestsPerHour = 1_000_000

    /// Creates rate-limit settings.
    public init(requestsPerHour: Int? = nil) {
        self.requestsPerHour = requestsPerHour
    }
}
