@testable import ClusterLease
import PostgresTestSupport
import Logging
import PresenceCore
import Testing

@Suite("PostgresLeaseStore against a real PostgreSQL", .serialized)
struct PostgresLeaseStoreTests {
    static let logger = Logger(label: "lease-test")

    @Test("Creates the table; acquire, renew, held by another, same node, release, expiry")
    func lifecycle() async throws {
        try await ThrowawayPostgres.with { server in
            let store = PostgresLeaseStore(url: server.url(), logger: Self.logger)
            defer { Task { await store.shutdown() } }
            let alice = request("node-a", token: "token-a")
            let first = await store.acquire(alice)
            #expect(first.heldEpoch == 1, "\(first)")
            try server.psql("SELECT holder FROM agent_presenced_lease")

            let renewed = await store.acquire(alice)
            guard case .held(1, let remaining) = renewed else {
                Issue.record("renewal: \(renewed)")
                return
            }
            #expect(remaining > .seconds(9) && remaining <= .seconds(10))

            let bob = request("node-b", token: "token-b", lease: .seconds(2))
            guard case .heldByOther("node-a", 1, let left, false) = await store.acquire(bob) else {
                Issue.record("bob should see node-a's lease")
                return
            }
            #expect(left > .seconds(9))
            let twin = request("node-a", token: "token-twin")
            if case .heldByOther("node-a", 1, _, true) = await store.acquire(twin) {} else {
                Issue.record("a second process named node-a should be told sameNode")
            }

            await store.release(alice)
            #expect(await store.acquire(bob).heldEpoch == 2)
            #expect(await store.acquire(bob).heldEpoch == 2)
            if case .heldByOther("node-b", 2, _, false) = await store.acquire(alice) {} else {
                Issue.record("alice should see bob's lease")
            }
            try await Task.sleep(for: .milliseconds(2200))
            #expect(await store.acquire(alice).heldEpoch == 3)
            #expect(slotConnections(store) == 1)
        }
    }

    @Test("Wrong password, missing database, closed port, unknown host: failed, no password")
    func loginFailures() async throws {
        try await ThrowawayPostgres.with { server in
            let secret = "Wrong-Secret-9"
            let cases: [(PostgresURL, String)] = [
                (server.url(password: secret), "password authentication failed"),
                (server.url(database: "no_such_db"), "does not exist"),
                (server.url(port: try ThrowawayPostgres.freePort()), "connect"),
                (PostgresURL(user: "postgres", password: secret, host: "no-such-host.invalid", sslMode: .disable), "connect"),
            ]
            for (url, expected) in cases {
                let store = PostgresLeaseStore(url: url, statementTimeout: .seconds(2), logger: Self.logger)
                let outcome = await store.acquire(request("n", token: "t"))
                await store.shutdown()
                let message = try #require(outcome.failureMessage, "\(url): \(outcome)")
                #expect(message.contains(expected), "\(url): \(message)")
                #expect(!message.contains(secret) && !message.contains(ThrowawayPostgres.password))
            }
        }
    }

    @Test("A restart of PostgreSQL: failed while down, then held again on a new connection")
    func restart() async throws {
        try await ThrowawayPostgres.with { server in
            let store = PostgresLeaseStore(url: server.url(), statementTimeout: .seconds(2), logger: Self.logger)
            defer { Task { await store.shutdown() } }
            let alice = request("node-a", token: "token-a", lease: .seconds(30))
            #expect(await store.acquire(alice).heldEpoch == 1)
            try server.stop()
            let down = await store.acquire(alice)
            #expect(down.failureMessage != nil, "\(down)")
            try server.start()
            let before = slotConnections(store)
            #expect(await store.acquire(alice).heldEpoch == 1)
            #expect(slotConnections(store) > before)
        }
    }

    /// How many connections `store` has opened.
    func slotConnections(_ store: PostgresLeaseStore) -> Int { store.slot.connectionsOpened }
}
