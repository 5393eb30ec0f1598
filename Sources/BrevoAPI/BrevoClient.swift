import NIOCore
import NIOPosix
import PresenceCore
import Synchronization

/// Brevo's `agentOnlinePing` for any number of accounts over shared keep-alive connections: a
/// lean HTTP/1.1 client of its own (``PingConnectionPool``), one pool per endpoint (host, port,
/// scheme, `ca_file` and proxy), so usually one for all.
///
/// The client holds each account's base URL, key and transport by name; a ping goes out with the
/// credentials of its request's `account`. ``recycleConnections()`` closes the idle connections
/// at once and the busy ones after their ping, so new pings open fresh connections. Every failure becomes a typed ``PingOutcome``; nothing throws. An API key
/// travels only in the `api-key` header: it is never part of a message, a description or a
/// log. Call ``shutdown()`` before the last reference goes away.
public final class BrevoClient: Sendable {
    /// The most of an answer body read; the rest is dropped (the status still counts).
    public static let maximumBodyBytes = 64 * 1024

    /// The process-wide event loop of Brevo clients: one thread.
    ///
    /// One loop carries thousands of pings a second, and with one loop a request, its
    /// connection and its answer never change threads; with a loop per core, as
    /// AsyncHTTPClient's default group has, the hand-offs between loops cost more than the
    /// pings themselves on a 2-core machine.
    public static let eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// One connection pool per endpoint (host, port, scheme, trust and proxy) the accounts use.
    let pools: PingPools
    /// The loop that reports pings failing before they reach a pool (unknown account, bad URL).
    let eventLoop: any EventLoop
    private let recycles = Atomic<Int>(0)
    /// The per-request deadline, also used as the connect and read timeouts.
    let timeout: Duration
    let userAgent: String
    /// Each account's credentials by name, replaced as a whole.
    private let accounts: Mutex<[String: BrevoCredentials]>

    /// Creates a client for one account, named `default` (the one-account form).
    ///
    /// - Parameters:
    ///   - baseURL: the API base, e.g. `https://api.brevo.com/v3`.
    ///   - apiKey: the account's API key.
    ///   - timeout: connect timeout, read timeout and overall deadline of one ping.
    ///   - eventLoopGroup: the group the HTTP client runs on; by default ``eventLoopGroup``.
    ///   - userAgent: the `User-Agent` header.
    public convenience init(
        baseURL: String,
        apiKey: String,
        timeout: Duration,
        eventLoopGroup: any EventLoopGroup = BrevoClient.eventLoopGroup,
        userAgent: String = ProductVersion.userAgent()
    ) {
        self.init(
            accounts: [BrevoAccountCredentials(baseURL: baseURL, apiKey: apiKey)],
            timeout: timeout, eventLoopGroup: eventLoopGroup, userAgent: userAgent
        )
    }

    /// Creates a client for `accounts`, each ping going out with its account's credentials.
    ///
    /// - Parameters:
    ///   - accounts: every account's name, base URL and key; a name given twice keeps its last.
    ///   - timeout: connect timeout, read timeout and overall deadline of one ping.
    ///   - eventLoopGroup: the group the HTTP client runs on; by default ``eventLoopGroup``.
    ///   - userAgent: the `User-Agent` header of every account's pings.
    public init(
        accounts: [BrevoAccountCredentials],
        timeout: Duration,
        eventLoopGroup: any EventLoopGroup = BrevoClient.eventLoopGroup,
        userAgent: String = ProductVersion.userAgent()
    ) {
        // Retries are the scheduler's job, with backoff inside the presence window; the client
        // only sends a ping again once when a reused keep-alive connection turns out closed.
        let pools = PingPools(on: eventLoopGroup)
        self.pools = pools
        eventLoop = eventLoopGroup.next()
        self.timeout = timeout
        self.userAgent = userAgent
        self.accounts = Mutex(Self.prepare(accounts, userAgent: userAgent, pools: pools))
    }

    /// Replaces the whole set of accounts at once: pings started from now on use `accounts`,
    /// and a ping for an account no longer among them fails (`.cancelled`, naming the
    /// account). Pings in flight finish with the credentials they started with. A name given
    /// twice keeps its last credentials.
    public func updateCredentials(_ accounts: [BrevoAccountCredentials]) {
        let prepared = Self.prepare(accounts, userAgent: userAgent, pools: pools)
        self.accounts.withLock { $0 = prepared }
        pools.keepOnly(Set(prepared.values.compactMap { try? $0.endpoint.get() }))
    }

    /// Replaces the base URL and key of the account named `default` (adding it when missing);
    /// other accounts keep theirs. Pings started from now on use them.
    public func updateCredentials(baseURL: String, apiKey: String) {
        let account = BrevoAccountCredentials(baseURL: baseURL, apiKey: apiKey)
        let updated = BrevoCredentials(account, userAgent: userAgent, pools: pools)
        accounts.withLock { $0[AccountSettings.defaultName] = updated }
    }

    /// The credentials of the next ping of `account`; `nil` when the client has none for it.
    func credentials(for account: String) -> BrevoCredentials? {
        accounts.withLock { $0[account] }
    }

    private static func prepare(
        _ accounts: [BrevoAccountCredentials], userAgent: String, pools: PingPools
    ) -> [String: BrevoCredentials] {
        var prepared: [String: BrevoCredentials] = [:]
        for account in accounts {
            prepared[account.name] = BrevoCredentials(account, userAgent: userAgent, pools: pools)
        }
        return prepared
    }

    /// Drops the pooled connections: idle ones close now, busy ones after their ping, and
    /// pings from now on open fresh connections. Does nothing after ``shutdown()``.
    public func recycleConnections() {
        if pools.recycle() { recycles.add(1, ordering: .relaxed) }
    }

    /// How many times the connections were recycled (0 until the first recycle).
    public var connectionGeneration: Int { recycles.load(ordering: .relaxed) }

    /// Closes every connection, including those of retired pools still finishing pings (those
    /// pings report `.cancelled`, as do later ones). Idempotent.
    public func shutdown() async {
        await pools.shutdown()
    }
}
