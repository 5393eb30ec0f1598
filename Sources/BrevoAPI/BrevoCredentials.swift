/// One account's credentials made ready for its pings: built once per credentials change, read
/// once per ping. A class, so that reading it out of the client's lock is one reference rather
/// than a copy.
final class BrevoCredentials: Sendable {
    /// The key, to redact from whatever the answers echo.
    let apiKey: String
    /// Where the pings go; a malformed base URL fails each ping with this error.
    let endpoint: Result<PingEndpoint, any Error>
    /// The request head with the URL, key and user agent encoded, only the length and body
    /// missing: made once here rather than for each of thousands of pings a second. A
    /// malformed base URL or a header value that cannot be sent fails each ping with this error.
    let head: Result<PingRequestHead, any Error>
    /// The connection pool of the account's endpoint; `nil` once the client is shut down (or
    /// when the URL is malformed).
    let pool: PingConnectionPool?
    /// The proxy its pings go through, named in their transport errors.
    let proxy: ForwardProxy?

    /// The credentials of `account`, whose pings carry `userAgent` and go out through `pools`.
    init(_ account: BrevoAccountCredentials, userAgent: String, pools: PingPools) {
        apiKey = account.apiKey
        proxy = account.transport.proxy
        let endpoint = Result { try PingEndpoint(url: Self.pingURL(under: account.baseURL), transport: account.transport) }
        self.endpoint = endpoint
        head = endpoint.flatMap { endpoint in
            Result { try PingRequestHead(endpoint: endpoint, apiKey: account.apiKey, userAgent: userAgent) }
        }
        pool = (try? endpoint.get()).flatMap { pools.pool(for: $0) }
    }

    /// The ping endpoint under `baseURL` (a trailing slash in the base is allowed).
    private static func pingURL(under baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/conversations/agentOnlinePing"
    }
}
