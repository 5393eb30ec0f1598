@testable import ClusterLease
import PostgresTestSupport
import Logging
import PresenceCore
import Testing

@Suite("PostgresLeaseStore: network faults and a foreign table", .serialized)
struct PostgresLeaseStoreFaultTests {
    static let logger = Logger(label: "lease-test")

    @Test("A stall mid-statement fails within the timeout; a cut fails; each heals on a new connection")
    func relayFaults() async throws {
        try await ThrowawayPostgres.with { server in
            let relay = try await TCPRelay(targetPort: server.port)
            let timeout = Duration.seconds(1)
            let store = PostgresLeaseStore(
                url: server.url(port: relay.port), statementTimeout: timeout, logger: Self.logger
            )
            let alice = request("node-a", token: "token-a", lease: .seconds(30))
            #expect(await store.acquire(alice).heldEpoch == 1)

            relay.stall()
            let clock = ContinuousClock()
            let start = clock.now
            let stalled = await store.acquire(alice)
            let elapsed = clock.now - start
            #expect(stalled.failureMessage?.contains("timed out") == true, "\(stalled)")
            #expect(elapsed >= timeout && elapsed < timeout * 3, "\(elapsed)")
            relay.heal()
            #expect(await store.acquire(alice).heldEpoch == 1)
            #expect(store.slot.connectionsOpened == 2)

            relay.cut()
            let cut = await store.acquire(alice)
            #expect(cut.failureMessage != nil, "\(cut)")
            relay.heal()
            #expect(await store.acquire(alice).heldEpoch == 1)
            await store.shutdown()
            await relay.close()
        }
    }

    @Test("A role that may not create the table, or write another role's table: failed, naming the table")
    func foreignTable() async throws {
        try await ThrowawayPostgres.with { server in
            try server.psql("CREATE ROLE lease_owner NOLOGIN; CREATE ROLE leaser LOGIN PASSWORD 'leaser-pw-7'")
            let url = server.url(user: "leaser", password: "leaser-pw-7")
            let store = PostgresLeaseStore(url: url, statementTimeout: .seconds(2), logger: Self.logger)
            let alice = request("node-a", token: "token-a")

            let cannotCreate = try #require(await store.acquire(alice).failureMessage)
            #expect(cannotCreate.contains("agent_presenced_lease") && cannotCreate.contains("permission denied"), "\(cannotCreate)")
            #expect(!cannotCreate.contains("leaser-pw-7"))

            try server.psql("""
                CREATE TABLE agent_presenced_lease (name text PRIMARY KEY, holder text NOT NULL, \
                token text NOT NULL, epoch bigint NOT NULL, expires_at timestamptz NOT NULL, \
                acquired_at timestamptz NOT NULL, renewed_at timestamptz NOT NULL); \
                ALTER TABLE agent_presenced_lease OWNER TO lease_owner
                """)
            let cannotWrite = try #require(await store.acquire(alice).failureMessage)
            #expect(cannotWrite.contains("agent_presenced_lease") && cannotWrite.contains("permission denied"), "\(cannotWrite)")

            try server.psql("GRANT SELECT, INSERT, UPDATE ON agent_presenced_lease TO leaser")
            #expect(await store.acquire(alice).heldEpoch == 1)
            await store.shutdown()
        }
    }
}
