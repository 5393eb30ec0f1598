import PresenceCore
import Testing

@Suite("ConfigParser: cluster")
struct ConfigParserClusterTests {
    /// A main file with `cluster:` holding `lines`, after a `ping:` of `interval` and `window`.
    static func config(_ lines: [String], interval: String = "60s", window: String = "120s") -> String {
        (["ping:", "  interval: \(interval)", "  presence_window: \(window)", "cluster:"] + lines.map { "  " + $0 })
            .joined(separator: "\n") + "\n"
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigParser.parse(Self.config([
            "postgres_url_file: /etc/agent-presenced/postgres-url", "name: support", "node: web-2", "lease: 45s",
            "when_database_lost: keep",
        ]), file: "config.yaml", hostName: "ignored")
        let cluster = try #require(config.cluster)
        #expect(cluster.postgresURLFile == "/etc/agent-presenced/postgres-url")
        #expect(cluster.name == "support")
        #expect(cluster.node == "web-2")
        #expect(cluster.lease == .seconds(45))
        #expect(cluster.whenDatabaseLost == .keep)
        #expect(cluster.source == ConfigLocation(file: "config.yaml", line: 4))
    }

    @Test func theDefaultsAreDesignsAndTheNodeIsTheHostName() throws {
        let config = try ConfigParser.parse("cluster:\n  name: default\n", file: "config.yaml", hostName: "db-host-7")
        let cluster = try #require(config.cluster)
        #expect(cluster.node == "db-host-7")
        #expect(cluster.lease == .seconds(30))
        #expect(cluster.whenDatabaseLost == .stop)
        #expect(cluster.postgresURLFile == nil)
        #expect(try ConfigParser.parse("ping:\n  interval: 30s\n", file: "config.yaml").cluster == nil)
    }

    @Test("lease is between 10s and 120s", arguments: ["9s", "121s", "2m30s"])
    func leaseRange(lease: String) {
        expectOneConfigIssue(Self.config(["lease: \(lease)"], interval: "10s", window: "10m"), keyPath: "cluster.lease", line: 5,
                             mentions: "must be between 10s and 2m, found")
    }

    @Test func aLeaseNotShorterThanTheWindowLessTheIntervalNamesBoth() {
        expectOneConfigIssue(Self.config(["lease: 60s"]), keyPath: "cluster.lease", line: 5,
                             mentions: "must be shorter than ping.presence_window - ping.interval (2m - 60s = 60s), found 60s")
        // The default lease is checked too, reported at cluster:.
        expectOneConfigIssue(Self.config(["name: a"], interval: "90s", window: "2m"), keyPath: "cluster.lease", line: 4,
                             mentions: "(2m - 90s = 30s), the default is 30s")
    }

    @Test func whenDatabaseLostIsStopOrKeep() {
        expectOneConfigIssue(Self.config(["when_database_lost: pause"]), keyPath: "cluster.when_database_lost", line: 5,
                             mentions: "expected stop or keep, found \"pause\"")
    }

    @Test("names are a letter or digit, then letters, digits, dots, dashes, underscores", arguments: [
        ("node", "web 1"), ("node", "-web"), ("name", "ünïcode"), ("node", String(repeating: "a", count: 65)),
    ])
    func badNames(key: String, value: String) {
        expectOneConfigIssue(Self.config(["\(key): \"\(value)\""]), keyPath: "cluster.\(key)", line: 5,
                             mentions: "expected a letter or digit, then up to 63 letters, digits")
    }

    @Test func aHostNameThatCannotNameANodeAsksForNode() {
        let issues = configParseIssues("cluster:\n  lease: 30s\n")
        #expect(issues.isEmpty)
        do {
            _ = try ConfigParser.parse("cluster:\n  lease: 30s\n", file: "config.yaml", hostName: "bad host")
            Issue.record("a host name with a space was accepted")
        } catch {
            #expect(error.issues.map(\.keyPath) == ["cluster.node"])
            #expect(error.issues.first?.message.contains("set cluster.node") == true)
        }
    }

    @Test func anUnknownKeyGetsASuggestion() {
        expectOneConfigIssue(Self.config(["lease_time: 30s"]), keyPath: "cluster.lease_time", line: 5, mentions: "lease")
    }

    @Test func aDropInCannotSetCluster() {
        do {
            _ = try ConfigParser.parseDropIn("cluster:\n  node: x\nagents: []\n", file: "d.yaml")
            Issue.record("a drop-in's cluster: was accepted")
        } catch {
            #expect(error.issues.first?.message.contains("set \"cluster\" in the main config file") == true)
        }
    }
}
