/// Matches a request line to an endpoint: pure, so every path rule is tested without a socket.
///
/// ```
/// GET    /v1/status
/// GET    /v1/agents/{key}
/// PUT    /v1/agents/{key}/override
/// DELETE /v1/agents/{key}/override
/// POST   /v1/reload
/// ```
enum ControlRouter {
    /// The endpoint `method` and the request target `target` name.
    ///
    /// A query string is ignored. An unknown path is 404; a known path with another method is
    /// 405 with the allowed ones; a key that cannot be one is 400.
    static func match(method: String, target: String) throws(ControlRequestError) -> ControlEndpoint {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.first == "/" else { throw notFound(path) }
        // Split the raw path: `%2F` inside a key is not a separator until decoded.
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        switch segments.count {
        case 2 where segments[0] == "v1" && segments[1] == "status":
            try allow(method, ["GET"])
            return .status
        case 2 where segments[0] == "v1" && segments[1] == "reload":
            try allow(method, ["POST"])
            return .reload
        case 3 where segments[0] == "v1" && segments[1] == "agents":
            try allow(method, ["GET"])
            return .agent(key: try PathSegment.decodeKey(segments[2]))
        case 4 where segments[0] == "v1" && segments[1] == "agents" && segments[3] == "override":
            try allow(method, ["PUT", "DELETE"])
            let key = try PathSegment.decodeKey(segments[2])
            return method == "PUT" ? .setOverride(key: key) : .clearOverride(key: key)
        default:
            throw notFound(path)
        }
    }

    private static func allow(_ method: String, _ allowed: [String]) throws(ControlRequestError) {
        guard allowed.contains(method) else {
            throw ControlRequestError(
                status: 405, message: "method \(method) is not allowed here; use \(allowed.joined(separator: " or "))",
                allow: allowed
            )
        }
    }

    private static func notFound(_ path: Substring) -> ControlRequestError {
        // The path is the caller's own text; cap it so an error body stays small.
        ControlRequestError(status: 404, message: "no such endpoint: \(path.prefix(200))")
    }
}
