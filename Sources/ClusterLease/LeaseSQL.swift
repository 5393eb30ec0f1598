/// The statements of the lease, each one round trip that keeps no session state (they work
/// behind a transaction-pooling PgBouncer). Every time comes from the database's `now()`.
enum LeaseSQL {
    /// The table of leases, one row per cluster.
    static let table = "agent_presenced_lease"

    /// Whether the table exists (`to_regclass` needs no privilege on it).
    static let tableExists = "SELECT to_regclass('\(table)') IS NOT NULL"

    /// Creates the table when it is missing.
    static let createTable = """
        CREATE TABLE IF NOT EXISTS \(table) (
            name text PRIMARY KEY,
            holder text NOT NULL,
            token text NOT NULL,
            epoch bigint NOT NULL,
            expires_at timestamptz NOT NULL,
            acquired_at timestamptz NOT NULL,
            renewed_at timestamptz NOT NULL
        )
        """

    /// Acquire or renew, and say who holds the lease: `$1` cluster, `$2` node, `$3` token,
    /// `$4` lease in milliseconds, `$5` whether another token's expired lease may be taken.
    ///
    /// The upsert takes the row when it is missing (epoch 1), ours, or expired (with `$5`); the
    /// epoch (and `acquired_at`) moves on only when the row was another token's: a holder that
    /// renews its own lease late keeps its epoch, since nobody held it between. When the upsert leaves
    /// the row alone, another process holds a live lease and the second branch returns that
    /// row. Columns: holder, token, epoch, remaining milliseconds, whether the upsert took it.
    static let acquire = """
        WITH taken AS (
            INSERT INTO \(table) AS lease
                (name, holder, token, epoch, expires_at, acquired_at, renewed_at)
            VALUES ($1, $2, $3, 1, now() + $4::double precision * interval '1 millisecond', now(), now())
            ON CONFLICT (name) DO UPDATE SET
                holder = excluded.holder,
                token = excluded.token,
                expires_at = excluded.expires_at,
                renewed_at = excluded.renewed_at,
                epoch = CASE WHEN lease.token = excluded.token
                    THEN lease.epoch ELSE lease.epoch + 1 END,
                acquired_at = CASE WHEN lease.token = excluded.token
                    THEN lease.acquired_at ELSE excluded.acquired_at END
            WHERE lease.token = excluded.token OR ($5::boolean AND lease.expires_at <= now())
            RETURNING holder, token, epoch, expires_at
        )
        SELECT holder, token, epoch,
            (extract(epoch FROM expires_at - now()) * 1000)::bigint, true
        FROM taken
        UNION ALL
        SELECT holder, token, epoch,
            (extract(epoch FROM expires_at - now()) * 1000)::bigint, false
        FROM \(table)
        WHERE name = $1 AND NOT EXISTS (SELECT 1 FROM taken)
        """

    /// Gives the lease up when `$2` (the token) holds it: it expires now, so a standby takes it
    /// at its next attempt. `$1` cluster.
    static let release = "UPDATE \(table) SET expires_at = now() WHERE name = $1 AND token = $2"
}
