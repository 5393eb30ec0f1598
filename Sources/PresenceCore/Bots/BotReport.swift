/// One bot as a report shows it: its name, its settings' address and what its probes showed.
public struct BotReport: Hashable, Sendable {
    /// The bot's name.
    public var name: String
    /// What its probes showed.
    public var health: BotHealth
    /// When its next probe is due, while one is armed.
    public var nextProbeAt: MonotonicTime?

    /// Creates a report.
    public init(name: String, health: BotHealth, nextProbeAt: MonotonicTime? = nil) {
        self.name = name
        self.health = health
        self.nextProbeAt = nextProbeAt
    }
}
