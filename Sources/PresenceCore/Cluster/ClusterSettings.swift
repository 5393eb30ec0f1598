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

    /// The leases a config may set: long enough to ride out a slow renewal, short enough to fail
    /// over before agents lapse.
    public static let leaseRange: ClosedRange<Duration> = .seconds(10) ... .seconds(120)

    /// Why `name` cannot name a cluster or a node, or `nil`: a letter or digit, then up to 63
    /// letters, digits, `.`, `_` or `-` (a host name fits; it is shown in logs and headers).
    public static func nameProblem(_ name: String) -> String? {
        let allowed = name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        let first = name.utf8.first.map { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        } ?? false
        guard allowed, first, name.utf8.count <= 64 else {
            return "expected a letter or digit, then up to 63 letters, digits, '.', '_' or '-', found \(ConfigText.quoted(name))"
        }
        return nil
    }
}
