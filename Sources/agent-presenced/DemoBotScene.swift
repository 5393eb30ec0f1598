import BrevoStandIn
import ServiceLifecycle

/// The demo's scene of a broken bot: after a few seconds the Broker stand-in answers the bot's
/// probes with 462 (its NLP is down) for a while. The bot's agent goes `bot_down` and stops
/// pinging at its next probe, and comes back within seconds of the first good one; the people
/// next to it never notice.
struct DemoBotScene: Service {
    let broker: BrokerStandIn
    /// The bot's name in the config.
    let bot: String
    /// Where the scene's messages go.
    let narration: DemoNarration
    /// When the scene starts, after the demo's start.
    var startsAfter: Duration = .seconds(8)
    /// How long the bot fails.
    var lasts: Duration = .seconds(20)

    func run() async throws {
        guard (try? await Task.sleep(for: startsAfter)) != nil else { return }
        try await broker.setFault(.status(462))
        narration.say("the Broker stand-in now fails bot \(bot) (HTTP 462, NLP communication error) for \(lasts.components.seconds) s: its agent goes bot_down at the next probe")
        guard (try? await Task.sleep(for: lasts)) != nil else { return }
        try await broker.setFault(.none)
        narration.say("bot \(bot) answers again: its agent pings within seconds of the next probe")
    }
}
