/// A path and method the API knows, with the agent key decoded; the body is not read yet.
///
/// Matching comes before the body so the access check can refuse a change before its body
/// is parsed: a caller without the right gets 403, not a lecture about its JSON.
enum ControlEndpoint: Sendable, Equatable {
    case status
    case agent(key: String)
    case setOverride(key: String)
    case clearOverride(key: String)
    case reload

    /// Whether the request changes the daemon's state, which the access policy guards.
    var changesState: Bool {
        switch self {
        case .status, .agent: false
        case .setOverride, .clearOverride, .reload: true
        }
    }

    /// The complete request, with the body parsed where the endpoint takes one (bodies of
    /// other requests are ignored).
    func route(body: [UInt8]) throws(ControlRequestError) -> ControlRoute {
        switch self {
        case .status: .status
        case .agent(let key): .agent(key: key)
        case .setOverride(let key): .setOverride(key: key, try OverrideChange.parse(json: body))
        case .clearOverride(let key): .clearOverride(key: key)
        case .reload: .reload
        }
    }
}
