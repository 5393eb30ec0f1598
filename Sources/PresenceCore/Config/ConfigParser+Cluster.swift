import Yams

extension ConfigParser {
    /// The keys of `cluster:`.
    static let clusterKeys = ["postgres_url_file", "name", "node", "lease", "when_database_lost"]

    /// Reads `cluster:`; `hostName` is the node's name when `node` is not given. Its `lease` is
    /// checked against `ping` (read first): a lease must end before an agent could lapse.
    static func readCluster(
        _ key: Node, _ node: Node, ping: PingSettings, hostName: String, reader: inout YAMLNodeReader
    ) -> ClusterSettings? {
        guard let mapping = reader.mapping(node, at: "cluster", nullAllowed: false) else { return nil }
        let entries = reader.entries(of: mapping, at: "cluster", known: clusterKeys)
        var settings = ClusterSettings(node: hostName, source: reader.location(key))
        var valid = true
        if let entry = entries["postgres_url_file"] {
            settings.postgresURLFile = reader.string(entry.value, at: "cluster.postgres_url_file")
            valid = valid && settings.postgresURLFile != nil
        }
        if let entry = entries["name"] {
            if let name = clusterName(entry.value, at: "cluster.name", reader: &reader) { settings.name = name } else { valid = false }
        }
        if let entry = entries["node"] {
            if let name = clusterName(entry.value, at: "cluster.node", reader: &reader) { settings.node = name } else { valid = false }
        } else if let problem = ClusterSettings.nameProblem(hostName) {
            reader.report(key, "cluster.node", "the host name cannot name this node (\(problem)); set cluster.node")
            valid = false
        }
        if let entry = entries["lease"] {
            if let lease = readLease(entry.value, ping: ping, reader: &reader) { settings.lease = lease } else { valid = false }
        } else if let problem = leaseProblem(settings.lease, ping: ping, given: false) {
            reader.report(key, "cluster.lease", problem)
            valid = false
        }
        if let entry = entries["when_database_lost"], let text = reader.string(entry.value, at: "cluster.when_database_lost") {
            if let policy = DatabaseLossPolicy(rawValue: ConfigText.trimmed(text)) {
                settings.whenDatabaseLost = policy
            } else {
                reader.report(entry.value, "cluster.when_database_lost",
                              "expected stop or keep, found \(ConfigText.quoted(text))")
                valid = false
            }
        }
        return valid ? settings : nil
    }

    /// A cluster's or node's name, or `nil` with an issue.
    private static func clusterName(_ node: Node, at keyPath: String, reader: inout YAMLNodeReader) -> String? {
        guard let text = reader.string(node, at: keyPath) else { return nil }
        if let problem = ClusterSettings.nameProblem(text) {
            reader.report(node, keyPath, problem)
            return nil
        }
        return text
    }

    /// `cluster.lease`, or `nil` with an issue.
    private static func readLease(_ node: Node, ping: PingSettings, reader: inout YAMLNodeReader) -> Duration? {
        guard let lease = reader.duration(node, at: "cluster.lease") else { return nil }
        if let problem = leaseProblem(lease, ping: ping, given: true) {
            reader.report(node, "cluster.lease", problem)
            return nil
        }
        return lease
    }

    /// Why `lease` cannot be used with `ping`, or `nil`: out of range, or so long that a standby
    /// would take over after an agent of a dead leader had lapsed.
    static func leaseProblem(_ lease: Duration, ping: PingSettings, given: Bool) -> String? {
        let show = DurationFormat.string
        let range = ClusterSettings.leaseRange
        let found = given ? "found \(show(lease))" : "the default is \(show(lease))"
        if !range.contains(lease) {
            return "must be between \(show(range.lowerBound)) and \(show(range.upperBound)), \(found)"
        }
        let room = ping.presenceWindow - ping.interval
        guard lease >= room else { return nil }
        return "must be shorter than ping.presence_window - ping.interval (\(show(ping.presenceWindow)) - "
            + "\(show(ping.interval)) = \(show(room))), \(found): a standby takes over up to a lease after the "
            + "leader's last renewal, and its agents must not lapse meanwhile"
    }
}
