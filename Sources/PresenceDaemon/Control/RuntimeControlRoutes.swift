import ControlAPI
import Foundation
import PresenceCore

/// The control API's requests answered by the running daemon.
struct RuntimeControlRoutes: ControlRoutes {
    let runtime: PresenceRuntime

    func status() async -> ControlResponse {
        .json(200, bytes: await runtime.statusBytes())
    }

    func agent(key: String) async -> ControlResponse {
        guard let entry = await runtime.agentEntry(key: key) else { return .error(404, "no agent \(key) in the roster") }
        return .json(200, entry)
    }

    func setOverride(key: String, _ change: OverrideChange) async -> ControlResponse {
        answer(await runtime.setOverride(key: key, mode: change.mode, until: change.until, reason: change.reason))
    }

    func clearOverride(key: String) async -> ControlResponse {
        answer(await runtime.clearOverride(key: key))
    }

    func reload() async -> ControlResponse {
        let result = await runtime.reloadNow()
        return .json(result.applied ? 200 : 422, ReloadBody(applied: result.applied, generation: result.generation, error: result.error))
    }

    private func answer(_ result: Result<AgentStatus, ControlRefusal>) -> ControlResponse {
        switch result {
        case .success(let entry): .json(200, entry)
        case .failure(let refusal): .error(refusal.status, refusal.message)
        }
    }

    /// `POST /v1/reload`'s answer.
    struct ReloadBody: Encodable {
        var applied: Bool
        var generation: Int
        var error: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(applied, forKey: .applied)
            try container.encode(generation, forKey: .generation)
            try container.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case applied, generation, error }
    }
}
