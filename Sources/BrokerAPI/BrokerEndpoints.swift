import PresenceCore

/// The Broker's URLs for one bot, built from its settings: the conversation start and the
/// satisfaction survey that closes a session.
struct BrokerEndpoints: Sendable {
    /// `{base}/org/{org}/env/{env}/bot/{bot}`, without a trailing slash.
    private let botBase: String
    /// The channel's UUID, as a path segment.
    private let channel: String

    /// The endpoints of `bot`; a trailing slash in its base URL is allowed.
    init(bot: BotSettings) {
        var base = bot.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let segment = PercentEncoding.pathSegment
        botBase = base + "/org/\(segment(bot.org))/env/\(segment(bot.env))/bot/\(segment(bot.bot))"
        channel = segment(bot.channel)
    }

    /// Starts a test conversation: `…/channel/{channel}/v1/conversations?test=true`.
    var start: String {
        botBase + "/channel/\(channel)/v1/conversations?test=true"
    }

    /// Closes the session `sessionCode`: `…/conversations/{sessionCode}/satisfactions`.
    func close(sessionCode: String) -> String {
        botBase + "/conversations/\(PercentEncoding.pathSegment(sessionCode))/satisfactions"
    }
}
