import AsyncHTTPClient
import BrevoAPI
import NIOCore
import PresenceCore
import Synchronization

/// Probes bots through their Broker API: an OAuth2 token when the bot wants one, a test
/// conversation, and the close of its session, over pooled `HTTPClient`s (one per transport).
///
/// It shares BrevoAPI's HTTP stack: the same event loop (``BrevoClient/eventLoopGroup``), the
/// same bounded answers (64 KiB), error classes and redaction. Secrets are held by bot name and
/// replaced as a whole with ``updateSecrets(_:)``; the Broker key travels only in the `API-KEY`
/// header, the client secret only in the token request's body, and neither they nor a token
/// are ever part of a message. Every failure becomes a ``ProbeOutcome``; nothing throws. Call
/// ``shutdown()`` before the last reference goes away.
public final class BrokerClient: Sendable {
    /// The most of an answer body read; a longer body is a bad answer.
    public static let maximumBodyBytes = BrevoClient.maximumBodyBytes

    /// One pool per transport (trust and proxy) the bots use.
    let pools: HTTPClientPools
    let userAgent: String
    /// OAuth2 tokens by bot, reused until shortly before they expire.
    let tokens = BrokerTokenCache()
    /// Each bot's secrets by name, replaced as a whole.
    private let secretsByBot = Mutex<[String: BrokerSecrets]>([:])

    /// Creates a client with no secrets yet: give them with ``updateSecrets(_:)``.
    ///
    /// - Parameters:
    ///   - eventLoopGroup: the group the HTTP client runs on; by default Brevo's one loop.
    ///   - userAgent: the `User-Agent` of every request, the Broker's and the token endpoint's.
    public init(
        eventLoopGroup: any EventLoopGroup = BrevoClient.eventLoopGroup,
        userAgent: String = ProductVersion.userAgent()
    ) {
        // Each probe's own deadline (its bot's `timeout`) bounds every request; the pool's
        // timeouts only keep a connection attempt from outliving any sensible deadline. A
        // failed probe is retried by the prober's schedule, not here.
        pools = HTTPClientPools(on: eventLoopGroup, timeout: .seconds(60))
        self.userAgent = userAgent
    }

    /// Replaces every bot's secrets at once, by bot name: probes started from now on use
    /// them, and a probe of a bot no longer among them fails (`.cancelled`, naming the bot).
    /// Cached tokens of bots whose client secret changed or went away are dropped.
    public func updateSecrets(_ secrets: [String: BrokerSecrets]) {
        secretsByBot.withLock { $0 = secrets }
        pools.keepOnly(Set(secrets.values.flatMap(\.transport.possibleTransports)))
        tokens.removeAll { key in secrets[key.bot]?.clientSecret != key.clientSecret }
    }

    /// The secrets of bot `name`; `nil` when the client holds none for it.
    func secrets(for name: String) -> BrokerSecrets? {
        secretsByBot.withLock { $0[name] }
    }

    /// Runs one probe and calls `completion` exactly once with its outcome, on any thread.
    public func probe(_ request: ProbeRequest, completion: @escaping @Sendable (ProbeOutcome) -> Void) {
        Task { completion(await probe(request)) }
    }

    /// Drops the pooled connections: probes from now on open fresh ones, while probes in
    /// flight finish on the old ones. Does nothing after ``shutdown()``.
    public func recycleConnections() {
        pools.recycle()
    }

    /// Shuts the HTTP clients down; probes in flight are cancelled and later probes report
    /// `.cancelled`. Idempotent.
    public func shutdown() async {
        await pools.shutdown()
    }
}
