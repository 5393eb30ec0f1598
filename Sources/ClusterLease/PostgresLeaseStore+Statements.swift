import PostgresNIO
import PresenceCore

extension PostgresLeaseStore {
    /// Makes sure the table exists, once per connection: creates it only when it is missing, so
    /// a role that may use but not create it (the table made by someone else) still works.
    func ensureTable(on connection: PostgresConnection, generation: Int) async throws {
        guard !slot.isSchemaReady(generation) else { return }
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: LeaseSQL.tableExists), logger: logger)
            var exists = false
            for try await (found) in rows.decode(Bool.self) { exists = found }
            if !exists {
                try await createTable(on: connection)
            }
        } catch {
            throw LeaseStoreError.step("cannot make sure table \(LeaseSQL.table) exists", error)
        }
        slot.markSchemaReady(generation)
    }

    /// The acquire-or-renew statement and what it says.
    func acquireStatement(_ request: LeaseRequest, on connection: PostgresConnection) async throws -> LeaseOutcome {
        var binds = PostgresBindings(capacity: 5)
        binds.append(request.cluster)
        binds.append(request.node)
        binds.append(request.token)
        binds.append(max(request.lease.milliseconds, 1))
        binds.append(request.mayTakeOver)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: LeaseSQL.acquire, binds: binds), logger: logger)
        var outcome: LeaseOutcome?
        for try await (holder, token, epoch, remainingMilliseconds, taken) in rows.decode(
            (String, String, Int64, Int64, Bool).self
        ) {
            let remaining = Duration.milliseconds(max(remainingMilliseconds, 0))
            if taken {
                outcome = .held(epoch: epoch, remaining: remaining)
            } else {
                let sameNode = holder == request.node && token != request.token
                outcome = .heldByOther(holder: holder, epoch: epoch, remaining: remaining, sameNode: sameNode)
            }
        }
        guard let outcome else { throw LeaseStoreError.noRow }
        return outcome
    }

    /// Creates the table; another node creating it at the same moment is not a failure
    /// (`CREATE TABLE IF NOT EXISTS` races on the catalog: SQLSTATE 23505 or 42P07).
    private func createTable(on connection: PostgresConnection) async throws {
        do {
            try await connection.query(PostgresQuery(unsafeSQL: LeaseSQL.createTable), logger: logger)
            logger.notice("Created the lease table", metadata: ["table": "\(LeaseSQL.table)"])
        } catch let error as PSQLError where ["23505", "42P07"].contains(error.serverInfo?[.sqlState] ?? "") {
            logger.debug("Another node created the lease table at the same moment", metadata: ["table": "\(LeaseSQL.table)"])
        }
    }
}
