import ControlAPI
import Foundation
import PresenceCore
import ServiceLifecycle

/// The demo's scene of a run-time override: after a few seconds it sends one agent away for a
/// while through the control API, as a helpdesk integration would; the override ends by itself.
struct DemoOverrideScene: Service {
    /// The daemon's control socket.
    let socketPath: String
    /// The agent's key.
    let agent: String
    /// Where the scene's messages go.
    let narration: DemoNarration
    /// When the scene starts, after the demo's start.
    var startsAfter: Duration = .seconds(14)
    /// How long the agent stays away.
    var lasts: Duration = .seconds(20)

    func run() async throws {
        guard (try? await Task.sleep(for: startsAfter)) != nil else { return }
        let until = RFC3339.string(from: Date().addingTimeInterval(Double(lasts.components.seconds)))
        let body = #"{"mode":"away","until":"\#(until)","reason":"demo: coffee break"}"#
        let path = "/v1/agents/\(ControlClient.pathSegment(agent))/override"
        do {
            let answer = try await ControlClient(socketPath: socketPath).request("PUT", path, body: Array(body.utf8))
            narration.say("PUT \(path) on the control socket: HTTP \(answer.status); \(agent) is away for \(lasts.components.seconds) s, no ping leaves for it")
        } catch {
            narration.say("could not reach the control socket: \(error)")
        }
    }
}
