import AsyncHTTPClient

/// One account's credentials made ready for its pings: built once per credentials change, read
/// once per ping. A class, so that reading it out of the client's lock is one reference rather
/// than a copy of the whole request.
final class BrevoCredentials: Sendable {
    /// The key, to redact from whatever the answers echo.
    let apiKey: String
    /// The ping request with its URL parsed and its headers set, only the body missing: made
    /// once here rather than for each of thousands of pings a second. A malformed base URL
    /// fails each ping with this error.
    let template: Result<HTTPClient.Request, any Error>
    /// The pool of the account's transport; `nil` once the client is shut down.
    let clients: HTTPClientRotation?
    /// The proxy its pings go through, named in their transport errors.
    let proxy: ForwardProxy?

    /// The credentials of `account`, whose pings carry `userAgent` and go out on `clients`.
    init(_ account: BrevoAccountCredentials, userAgent: String, clients: HTTPClientRotation?) {
        apiKey = account.apiKey
        self.clients = clients
        proxy = account.transport.proxy
        let headers: [(String, String)] = [
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("User-Agent", userAgent),
            ("api-key", account.apiKey),
        ]
        let url = Self.pingURL(under: account.baseURL)
        template = Result { try HTTPClient.Request(url: url, method: .POST, headers: .init(headers)) }
    }

    /// The ping endpoint under `baseURL` (a trailing slash in the base is allowed).
    private static func pingURL(under baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/conversations/agentOnlinePing"
    }
}
