import PresenceCore

/// What the gauges show, as the runtime sees it at one moment.
public struct MetricsReport: Sendable {
    /// One account's gauges.
    public struct Account: Sendable {
        /// The account's name.
        public var name: String
        /// Its agents per state.
        public var summary: RosterSummary
        /// Whether it is paused (rate limited or refused).
        public var paused: Bool
        /// Requests sent in the last hour.
        public var requestsLastHour: Int

        /// Creates an account's report.
        public init(name: String, summary: RosterSummary, paused: Bool, requestsLastHour: Int) {
            self.name = name
            self.summary = summary
            self.paused = paused
            self.requestsLastHour = requestsLastHour
        }
    }

    /// One bot's gauge.
    public struct Bot: Sendable {
        /// The bot's name.
        public var name: String
        /// Whether it answers its probes.
        public var up: Bool

        /// Creates a bot's report.
        public init(name: String, up: Bool) {
            self.name = name
            self.up = up
        }
    }

    /// Every account, in config order.
    public var accounts: [Account]
    /// Every bot.
    public var bots: [Bot]
    /// Whether this daemon may ping (it leads, or is not in a cluster).
    public var mayPing: Bool
    /// The config generation in force.
    public var generation: Int

    /// Creates a report.
    public init(accounts: [Account], bots: [Bot], mayPing: Bool, generation: Int) {
        self.accounts = accounts
        self.bots = bots
        self.mayPing = mayPing
        self.generation = generation
    }
}
