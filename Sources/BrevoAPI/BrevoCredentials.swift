import AsyncHTTPClient

/// Where the API is and the key to use: swapped as one value on reload.
struct BrevoCredentials: Sendable {
    var baseURL: String
    var apiKey: String
    /// The ping request with its URL parsed and its headers set, only the body missing: made
    /// once here rather than for each of thousands of pings a second. A malformed base URL
    /// fails each ping with this error.
    let template: Result<HTTPClient.Request, any Error>

    /// Credentials whose pings carry `userAgent`.
    init(baseURL: String, apiKey: String, userAgent: String) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        let headers: [(String, String)] = [
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("User-Agent", userAgent),
            ("api-key", apiKey),
        ]
        let url = Self.pingURL(under: baseURL)
        template = Result { try HTTPClient.Request(url: url, method: .POST, headers: .init(headers)) }
    }

    /// The ping endpoint under `baseURL` (a trailing slash in the base is allowed).
    private static func pingURL(under baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/conversations/agentOnlinePing"
    }
}
