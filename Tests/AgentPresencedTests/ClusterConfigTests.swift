import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cluster:` from outside, without a database: `check`, a URL that cannot be used, a standby
/// that cannot reach its database, and reloads that would change the cluster.
@Suite struct ClusterConfigTests {
    static let password = "s3cr-t:pw"

    /// A config of `daemon`'s stand-in with a cluster whose URL file is `urlFile`.
    static func config(_ daemon: DaemonUnderTest, urlFile: String, lease: String = "10s", agents: String = "  - id: a1") -> String {
        """
        brevo:
          base_url: \(daemon.standIn.baseURL)
          api_key_file: \(daemon.folder.path)/brevo-api-key
        ping:
          interval: 5s
          presence_window: 30s
        cluster:
          postgres_url_file: \(urlFile)
          node: web-1
          lease: \(lease)
        status_file: \(daemon.statusPath)
        agents:
        \(agents)
        """
    }

    /// A URL file naming a port nothing listens on.
    static func unreachableURL(_ daemon: DaemonUnderTest) throws -> String {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try daemon.folder.write("postgres-url", "postgres://lease:\(encoded)@127.0.0.1:1/leases?connect_timeout=1\n")
    }

    @Test func checkShowsTheClusterAndHidesThePassword() async throws {
        let daemon = try await DaemonUnderTest(agents: "  - id: a1")
        defer { Task { await daemon.tearDown() } }
        try daemon.writeConfig(text: Self.config(daemon, urlFile: try Self.unreachableURL(daemon)))
        let result = try DaemonBinary.run(["check", "--config", daemon.configPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cluster default: this node is web-1; lease 10s, renewed every"))
        #expect(result.stdout.contains("database: postgres://lease:***@127.0.0.1:1/leases"))
        #expect(!(result.stdout + result.stderr).contains(Self.password) && !(result.stdout + result.stderr).contains("s3cr"))
    }

    @Test func aURLThatCannotBeUsedIsAConfigErrorNamingTheFileAndKey() async throws {
        let daemon = try await DaemonUnderTest(agents: "  - id: a1")
        defer { Task { await daemon.tearDown() } }
        let cases = [
            ("mysql://u:\(Self.password)@db/x\n", "it must start with postgres://"),
            ("postgres://u:\(Self.password)@db/x\npostgres://second\n", "more than one line"),
            ("\n", "is empty"),
        ]
        for (text, mentions) in cases {
            let file = try daemon.folder.write("postgres-url", text)
            try daemon.writeConfig(text: Self.config(daemon, urlFile: file))
            let result = try DaemonBinary.run(["check", "--config", daemon.configPath])
            #expect(result.status == 78)
            #expect(result.stderr.contains("\(file): cluster.postgres_url_file"), "\(result.stderr)")
            #expect(result.stderr.contains(mentions), "\(result.stderr)")
            #expect(!result.stderr.contains(Self.password))
        }
        try daemon.writeConfig(text: Self.config(daemon, urlFile: daemon.folder.path + "/missing-url"))
        let missing = try DaemonBinary.run(["check", "--config", daemon.configPath])
        #expect(missing.status == 78 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        try daemon.writeConfig(text: Self.config(daemon, urlFile: try Self.unreachableURL(daemon), lease: "30s"))
        let tooLong = try DaemonBinary.run(["check", "--config", daemon.configPath])
        #expect(tooLong.status == 78)
        #expect(tooLong.stderr.contains("cluster.lease: must be shorter than ping.presence_window - ping.interval (30s - 5s = 25s), found 30s"),
                "\(tooLong.stderr)")
    }

    @Test func aStandbyWithoutItsDatabaseRunsReloadsAndRefusesClusterChanges() async throws {
        let daemon = try await DaemonUnderTest(agents: "  - id: a1")
        defer { Task { await daemon.tearDown() } }
        let url = try Self.unreachableURL(daemon)
        try daemon.writeConfig(text: Self.config(daemon, urlFile: url))
        let ready = try daemon.start()
        #expect(ready?.contains("standby (no leader yet)") == true, "\(ready ?? "no READY=1")")
        let cluster = daemon.statusJSON()?["cluster"] as? [String: Any]
        #expect(cluster?["role"] as? String == "standby")
        #expect(cluster?["node"] as? String == "web-1")
        // A roster change reloads; a cluster change is refused and the old settings go on.
        try daemon.writeConfig(text: Self.config(daemon, urlFile: url, agents: "  - id: a1\n  - id: a2"))
        daemon.signal(SIGHUP)
        #expect(daemon.notify.waitFor { $0.contains("READY=1") }?.contains("reload refused") == false)
        try daemon.writeConfig(text: Self.config(daemon, urlFile: url, lease: "15s"))
        daemon.signal(SIGHUP)
        let refused = daemon.notify.waitFor { $0.contains("READY=1") }
        #expect(refused?.contains("reload refused: cluster: settings changed") == true, "\(refused ?? "none")")
        let config = daemon.statusJSON()?["config"] as? [String: Any]
        #expect(config?["generation"] as? Int == 2)
        #expect(daemon.standIn.requests.isEmpty)
        let stopped = daemon.stop()
        #expect(stopped.status == 0)
        #expect(stopped.stderr.contains("cannot reach the cluster's database"))
        #expect(!stopped.stderr.contains(Self.password))
    }
}
