/// A complete, valid request: what to ask the daemon.
enum ControlRoute: Sendable, Equatable {
    case status
    case agent(key: String)
    case setOverride(key: String, OverrideChange)
    case clearOverride(key: String)
    case reload

    /// Asks `routes` for the answer.
    func answer(from routes: any ControlRoutes) async -> ControlResponse {
        switch self {
        case .status: await routes.status()
        case .agent(let key): await routes.agent(key: key)
        case .setOverride(let key, let change): await routes.setOverride(key: key, change)
        case .clearOverride(let key): await routes.clearOverride(key: key)
        case .reload: await routes.reload()
        }
    }
}
