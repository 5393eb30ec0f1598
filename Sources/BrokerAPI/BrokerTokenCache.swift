import Synchronization

/// OAuth2 access tokens by bot, each reused until shortly before it expires.
///
/// A token is kept under everything it was issued for (bot, token URL, client ID and secret),
/// so a changed credential never picks up an old token. Thread-safe: probes of different bots,
/// or two of one bot, may read and store at once; the worst a race costs is one extra token.
final class BrokerTokenCache: Sendable {
    /// What a token was issued for.
    struct Key: Hashable, Sendable {
        var bot: String
        var tokenURL: String
        var clientID: String
        var clientSecret: String
    }

    private struct Entry {
        var token: String
        var usableUntil: ContinuousClock.Instant
    }

    /// The longest a token is given back before its expiry.
    static let refreshMargin: Duration = .seconds(30)

    private let entries = Mutex<[Key: Entry]>([:])

    /// The token stored for `key`, while it is still usable at `now`.
    func token(for key: Key, now: ContinuousClock.Instant = .now) -> String? {
        entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard now < entry.usableUntil else {
                entries[key] = nil
                return nil
            }
            return entry.token
        }
    }

    /// Keeps `token`, issued at `issuedAt` for `lifetime`, until 30 s (or a tenth of its
    /// lifetime, when that is shorter) before it expires. A token without a lifetime left is
    /// not kept.
    func store(_ token: String, lifetime: Duration, for key: Key, issuedAt: ContinuousClock.Instant) {
        let margin = min(Self.refreshMargin, lifetime / 10)
        let usableUntil = issuedAt + lifetime - margin
        guard lifetime > .zero, usableUntil > .now else { return }
        entries.withLock { $0[key] = Entry(token: token, usableUntil: usableUntil) }
    }

    /// Forgets `token` for `key` (the Broker refused it), unless another has replaced it.
    func drop(_ token: String, for key: Key) {
        entries.withLock { entries in
            if entries[key]?.token == token { entries[key] = nil }
        }
    }

    /// Forgets every token whose key `shouldRemove` picks.
    func removeAll(where shouldRemove: (Key) -> Bool) {
        entries.withLock { entries in
            entries = entries.filter { !shouldRemove($0.key) }
        }
    }

    /// How many tokens are held.
    var count: Int { entries.withLock { $0.count } }
}
