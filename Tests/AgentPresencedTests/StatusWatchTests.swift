import Foundation
import Testing

/// `status --watch` through the built binary, its stdout a pipe: plain tables, no escapes.
@Suite struct StatusWatchTests {
    /// A status file of a live process (this test runner) without a lock file.
    static func statusFile(in folder: TemporaryFolder) throws -> String {
        let pid = ProcessInfo.processInfo.processIdentifier
        return try folder.write("status.json", """
            {"version":1,"pid":\(pid),"updated_at":"2026-11-24T18:00:00.000Z",
             "config":{"path":"/etc/x.yaml","generation":1,"loaded_at":"2026-11-24T18:00:00.000Z","last_reload_error":null},
             "summary":{"online":1},"accounts":{},"bots":{},
             "agents":[{"key":"id:a","account":"default","id":"a","label":"Alice","enabled":true,"state":"online",
               "last_attempt_at":null,"last_success_at":null,"presumed_online_until":null,"next_ping_at":null,
               "consecutive_failures":0,"last_error":null,"pings_ok":3,"pings_failed":0,"bot":null}]}
            """, mode: 0o644)
    }

    @Test func throughAPipeItPrintsOnePlainTablePerRefresh() throws {
        let folder = try TemporaryFolder()
        let file = try Self.statusFile(in: folder)
        let result = try DaemonBinary.run(["status", "--watch", "--count", "2", "--interval", "0.2", "--status-file", file], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.utf8.contains(0x1B), "no escape sequences into a pipe")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tables = lines.indices.filter { lines[$0].hasPrefix("agent-presenced pid ") }
        try #require(tables.count == 2, "\(result.stdout)")
        #expect(lines.filter { $0.hasPrefix("AGENT ") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("Alice ") && $0.contains("online") }.count == 2)
        #expect(tables[0] == 0 && lines[tables[1] - 1].isEmpty, "a blank line between the tables")
        let single = try DaemonBinary.run(["status", "--status-file", file])
        #expect(result.stdout == single.stdout + "\n" + single.stdout, "each table as the one-shot status prints it")
    }

    @Test func withoutADaemonEachRefreshSaysSoAndTheWatchGoesOn() throws {
        let result = try DaemonBinary.run(["status", "--watch", "--count", "2", "--interval", "0.1", "--status-file", "/nonexistent/status.json"], timeout: .seconds(30))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.components(separatedBy: "agent-presenced is not running").count == 3, "\(result.stderr)")
    }

    @Test(arguments: [
        ["--watch", "--json"],
        ["--watch", "--interval", "0"],
        ["--watch", "--interval", "-1"],
        ["--watch", "--interval", "3601"],
        ["--watch", "--interval", "soon"],
        ["--watch", "--count", "0"],
        ["--interval", "5"],
    ])
    func badWatchOptionsAreUsageErrors(_ options: [String]) throws {
        let result = try DaemonBinary.run(["status", "--status-file", "/nonexistent/status.json"] + options)
        #expect(result.status == 64, "\(options): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theHelpHidesCount() throws {
        let result = try DaemonBinary.run(["status", "--help"])
        #expect(result.stdout.contains("--watch") && result.stdout.contains("--interval"))
        #expect(!result.stdout.contains("--count"))
    }
}
