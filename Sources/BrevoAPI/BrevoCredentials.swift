/// Where the API is and the key to use: swapped as one value on reload.
struct BrevoCredentials: Sendable {
    var baseURL: String
    var apiKey: String

    /// The ping endpoint under `baseURL` (a trailing slash in the base is allowed).
    var pingURL: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/conversations/agentOnlinePing"
    }
}
