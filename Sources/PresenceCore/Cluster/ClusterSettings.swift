/// What a leader does when it cannot renew its lease.
public enum DatabaseLossPolicy: String, Hashable, Sendable, CaseIterable {
    /// Stop pinging at the end of the lease: never two pingers, presence lost during an outage.
    case stop
    /// Go on pinging until the database is back and says otherwise: presence kept during an
    /// outage, at the risk of two pingers if another node could reach the database.
    case keep
}

/// The `cluster:` section: several daemons with one lease, exactly one of them pinging.
public struct ClusterSettings: Hashable, Sendable {
    /// Daemons with the same name share one lease.
    public var name: String
    /// This node's name (the host name by default), shown as the holder.
    public var node: String
    /// How long a lease lasts; renewed every third of it.
    public var lease: Duration
    /// What a leader does when it cannot renew.
    public var whenDatabaseLost: DatabaseLossPolicy
    /// Where the `postgres://` URL is read; `nil` for the systemd credential.
    public var postgresURLFile: String?
    /// Where the section was declared, for messages about it.
    public var source: ConfigLocation?

    /// Creates the settings; the defaults are DESIGN's.
    public init(
        name: String = "default", node: String, lease: Duration = .seconds(30),
        whenDatabaseLost: DatabaseLossPolicy = .stop, postgresURLFile: String? = nil, source: ConfigLocation? = nil
    ) {
        self.name = name
        self.node = node
        self.lease = lease
        self.whenDatabaseLost = whenDatabaseLost
        self.postgresURLFile = postgresURLFile
        self.source = source
    }
}
