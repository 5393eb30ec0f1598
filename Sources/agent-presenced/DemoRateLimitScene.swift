import BrevoStandIn
import ServiceLifecycle

/// The demo's scene of an account's trouble: after a few seconds the stand-in answers one
/// account's key with 429 for a while. That account's agents pause until Brevo's reset and then
/// resume spread out; the other account's agents never miss a ping.
struct DemoRateLimitScene: Service {
    let standIn: BrevoStandIn
    /// The stand-in's faults before and after the scene.
    let faults: FaultPlan
    /// The key the stand-in rate-limits.
    let key: String
    /// The name of the account that key belongs to.
    let account: String
    /// Where the scene's messages go.
    let narration: DemoNarration
    /// When the scene starts, after the demo's start.
    var startsAfter: Duration = .seconds(10)
    /// How long the stand-in answers 429.
    var lasts: Duration = .seconds(15)

    func run() async throws {
        // Cancelled (the demo ends first): the scene just does not happen.
        guard (try? await Task.sleep(for: startsAfter)) != nil else { return }
        var limited = faults
        limited.keyFaults[key] = .rateLimited(for: lasts)
        standIn.setFaults(limited)
        narration.say("the stand-in now rate-limits account \(account) (HTTP 429) for \(Int(lasts.components.seconds)) s; the other account is not affected")
        guard (try? await Task.sleep(for: lasts)) != nil else { return }
        narration.say("the stand-in serves account \(account) again: its agents resume once Brevo's window resets")
    }
}
