import Foundation
import Testing

/// `agent-presenced status` in a cluster: one line with the node's role above the agents; none
/// outside a cluster.
@Suite struct StatusCommandClusterTests {
    /// A status file of a live process (this test runner) without a lock file, with `cluster`
    /// (a JSON object, or nothing), as the table prints it in UTC.
    static func table(cluster: String?) throws -> DaemonBinary.Result {
        let folder = try TemporaryFolder()
        let pid = ProcessInfo.processInfo.processIdentifier
        let section = cluster.map { "\"cluster\":\($0)," } ?? ""
        let file = try folder.write("status.json", """
            {"version":1,"pid":\(pid),"updated_at":"2026-11-24T12:00:01.000Z",
             "config":{"path":"/etc/x.yaml","generation":1,"loaded_at":"2026-11-24T12:00:00.000Z","last_reload_error":null},
             "summary":{"standby":1},"accounts":{},"bots":{},\(section)
             "agents":[{"key":"id:a","account":"default","id":"a","label":"Alice","enabled":true,"state":"standby",
               "last_attempt_at":null,"last_success_at":null,"presumed_online_until":null,"next_ping_at":null,
               "consecutive_failures":0,"last_error":null,"pings_ok":0,"pings_failed":0,"bot":null}]}
            """, mode: 0o644)
        return try DaemonBinary.run(["status", "--status-file", file], environment: ["TZ": "UTC"])
    }

    /// The output's lines, and where the agents' table starts.
    static func lines(_ result: DaemonBinary.Result) throws -> (lines: [String], agents: Int) {
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (lines, try #require(lines.firstIndex { $0.hasPrefix("AGENT ") }, "\(result.stdout)"))
    }

    @Test func aStandbyNamesTheLeaderItsLeaseEndAndTheEpoch() throws {
        let (lines, agents) = try Self.lines(Self.table(cluster: """
            {"role":"standby","node":"web-2","leader":"web-1","lease_until":"2026-11-24T12:00:31.000Z","epoch":7,
             "database_reachable":true,"last_loss":null}
            """))
        let cluster = try #require(lines.firstIndex { $0.hasPrefix("cluster: ") })
        #expect(cluster < agents)
        #expect(lines[cluster] == "cluster: standby, leader web-1, lease until 12:00:31, epoch 7")
    }

    @Test func aLeaderNamesItselfAsThisNode() throws {
        let (lines, _) = try Self.lines(Self.table(cluster: """
            {"role":"leader","node":"web-2","leader":"web-2","lease_until":"2026-11-24T12:00:40.500Z","epoch":8,
             "database_reachable":true,"last_loss":"the lease ran out unrenewed"}
            """))
        #expect(lines.contains("cluster: leader (this node web-2), lease until 12:00:40, epoch 8"))
    }

    @Test func aStandbyThatKnowsNoLeaderSaysWhyItLostTheLead() throws {
        let (lines, _) = try Self.lines(Self.table(cluster: """
            {"role":"standby","node":"web-2","leader":null,"lease_until":null,"epoch":8,
             "database_reachable":false,"last_loss":"the lease ran out while the database could not be reached"}
            """))
        #expect(lines.contains(
            "cluster: standby, no leader yet, epoch 8, database unreachable, last lost the lead: "
                + "the lease ran out while the database could not be reached"
        ))
    }

    @Test func outsideAClusterThereIsNoClusterLine() throws {
        let (lines, _) = try Self.lines(Self.table(cluster: nil))
        #expect(!lines.contains { $0.hasPrefix("cluster") })
    }
}
