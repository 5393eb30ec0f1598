/// One probe to run: the bot, as configured when the probe was decided.
public struct ProbeRequest: Hashable, Sendable {
    /// The bot's settings; its secrets are the transport's, by ``BotSettings/name``.
    public var bot: BotSettings
    /// Identifies the probe in the Broker's logs (`x-request-id`).
    public var requestID: String

    /// Creates a request.
    public init(bot: BotSettings, requestID: String) {
        self.bot = bot
        self.requestID = requestID
    }
}
