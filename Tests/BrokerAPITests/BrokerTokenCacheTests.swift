@testable import BrokerAPI
import Testing

/// Tokens are reused until 30 s (or a tenth of their lifetime) before they expire.
@Suite struct BrokerTokenCacheTests {
    private let key = BrokerTokenCache.Key(bot: "helpbot", tokenURL: "https://sso/token", clientID: "c", clientSecret: "s")

    @Test func tokenIsReusedUntilThirtySecondsBeforeExpiry() {
        let cache = BrokerTokenCache()
        let issued = ContinuousClock.now
        cache.store("t1", lifetime: .seconds(300), for: key, issuedAt: issued)
        #expect(cache.token(for: key, now: issued + .seconds(269)) == "t1")
        #expect(cache.token(for: key, now: issued + .seconds(270)) == nil)
        #expect(cache.count == 0)
    }

    @Test func shortLifetimeKeepsATenthInReserve() {
        let cache = BrokerTokenCache()
        let issued = ContinuousClock.now
        cache.store("t1", lifetime: .seconds(100), for: key, issuedAt: issued)
        #expect(cache.token(for: key, now: issued + .seconds(89)) == "t1")
        #expect(cache.token(for: key, now: issued + .seconds(90)) == nil)
    }

    @Test func tokenWithoutLifetimeIsNotKept() {
        let cache = BrokerTokenCache()
        cache.store("t1", lifetime: .zero, for: key, issuedAt: .now)
        #expect(cache.count == 0)
    }

    @Test func tokenIsKeptUnderEverythingItWasIssuedFor() {
        let cache = BrokerTokenCache()
        cache.store("t1", lifetime: .seconds(300), for: key, issuedAt: .now)
        var rotated = key
        rotated.clientSecret = "s2"
        #expect(cache.token(for: rotated) == nil)
        #expect(cache.token(for: key) == "t1")
    }

    @Test func dropForgetsOnlyTheRefusedToken() {
        let cache = BrokerTokenCache()
        cache.store("t2", lifetime: .seconds(300), for: key, issuedAt: .now)
        cache.drop("t1", for: key)
        #expect(cache.token(for: key) == "t2")
        cache.drop("t2", for: key)
        #expect(cache.token(for: key) == nil)
    }

    @Test func concurrentUseIsSafe() async {
        let cache = BrokerTokenCache()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    var key = self.key
                    key.bot = "bot\(index % 10)"
                    cache.store("t\(index)", lifetime: .seconds(300), for: key, issuedAt: .now)
                    _ = cache.token(for: key)
                    if index % 3 == 0 { cache.drop("t\(index)", for: key) }
                }
            }
        }
        #expect(cache.count <= 10)
    }
}
