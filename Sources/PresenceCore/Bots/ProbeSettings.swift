/// What a bot's test conversation says and expects, and how its probes are paced.
public struct ProbeSettings: Hashable, Sendable {
    /// How often and how strictly a bot is probed; what changes with it leaves the bot's
    /// health alone.
    public struct Cadence: Hashable, Sendable {
        /// One probe per bot per interval, however many agents use it.
        public var interval: Duration
        /// The deadline of one probe: the token, the start and the close together.
        public var timeout: Duration
        /// Failed probes in a row before the bot's agents go offline.
        public var downAfter: Int
        /// Good probes in a row before they come back.
        public var upAfter: Int

        /// Creates a cadence; the defaults are DESIGN's.
        public init(interval: Duration = .seconds(60), timeout: Duration = .seconds(10), downAfter: Int = 2, upAfter: Int = 1) {
            self.interval = interval
            self.timeout = timeout
            self.downAfter = downAfter
            self.upAfter = upAfter
        }
    }

    /// What the test conversation says (the start's `text`).
    public var text: String
    /// A regular expression some answer's text must match, when set.
    public var expect: String?
    /// The pacing.
    public var cadence: Cadence

    /// Creates the settings.
    public init(text: String = "ping", expect: String? = nil, cadence: Cadence = Cadence()) {
        self.text = text
        self.expect = expect
        self.cadence = cadence
    }

    /// One probe per bot per interval.
    public var interval: Duration {
        get { cadence.interval }
        set { cadence.interval = newValue }
    }
}
