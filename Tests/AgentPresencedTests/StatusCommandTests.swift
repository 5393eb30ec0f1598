import Foundation
import Testing

@Suite struct StatusCommandTests {
    @Test func withNoStatusFileItSaysTheDaemonIsNotRunning() throws {
        let result = try DaemonBinary.run(["status", "--status-file", "/nonexistent/status.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not running"))
    }

    @Test func aStatusFileOfAnExitedProcessIsNotARunningDaemon() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("status.json", """
            {"version":1,"pid":2147483000,"updated_at":"2026-11-24T18:00:00.000Z",
             "config":{"path":"/etc/x.yaml","generation":1,"loaded_at":"2026-11-24T18:00:00.000Z","last_reload_error":null},
             "summary":{"online":0},"agents":[]}
            """, mode: 0o644)
        let result = try DaemonBinary.run(["status", "--status-file", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("has exited"))
    }

    /// A daemon killed with -9 leaves its status file and its lock file; the PID in them may be
    /// reused by any process (here this test runner), but nobody holds the lock.
    @Test func aStatusFileWhoseLockNobodyHoldsIsNotARunningDaemon() throws {
        let folder = try TemporaryFolder()
        let pid = ProcessInfo.processInfo.processIdentifier
        let file = try folder.write("status.json", """
            {"version":1,"pid":\(pid),"updated_at":"2026-11-24T18:00:00.000Z",
             "config":{"path":"/etc/x.yaml","generation":1,"loaded_at":"2026-11-24T18:00:00.000Z","last_reload_error":null},
             "summary":{"online":0},"agents":[]}
            """, mode: 0o644)
        try folder.write(".status.json.lock", """
            {"config":"/etc/x.yaml","pid":\(pid),"started_at":"2026-11-24T18:00:00.000Z","status_file":"\(file)"}
            """, mode: 0o644)
        let result = try DaemonBinary.run(["status", "--status-file", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not running"), "\(result.stderr)")
    }

    /// A status file of a live process (this test runner) without a lock file, as the table
    /// prints it.
    static func table(bots: String, botOfAgent: String) throws -> DaemonBinary.Result {
        let folder = try TemporaryFolder()
        let pid = ProcessInfo.processInfo.processIdentifier
        let file = try folder.write("status.json", """
            {"version":1,"pid":\(pid),"updated_at":"2026-11-24T18:00:00.000Z",
             "config":{"path":"/etc/x.yaml","generation":1,"loaded_at":"2026-11-24T18:00:00.000Z","last_reload_error":null},
             "summary":{"online":1,"bot_down":1},"accounts":{},"bots":\(bots),
             "agents":[{"key":"id:a","account":"default","id":"a","label":"Alice","enabled":true,"state":"online",
               "last_attempt_at":null,"last_success_at":null,"presumed_online_until":null,"next_ping_at":null,
               "consecutive_failures":0,"last_error":null,"pings_ok":3,"pings_failed":0,"bot":null},
              {"key":"id:b","account":"default","id":"b","label":"Help bot","enabled":true,"state":"bot_down",
               "last_attempt_at":null,"last_success_at":null,"presumed_online_until":null,"next_ping_at":null,
               "consecutive_failures":0,"last_error":null,"pings_ok":3,"pings_failed":0,"bot":\(botOfAgent)}]}
            """, mode: 0o644)
        return try DaemonBinary.run(["status", "--status-file", file])
    }

    @Test func botsGetATableBelowTheAgents() throws {
        let result = try Self.table(bots: """
            {"helpbot":{"state":"down","since":"2026-11-24T17:58:00.000Z","last_probe_at":"2026-11-24T17:59:00.000Z",
              "last_ok_at":"2026-11-24T17:57:00.000Z","consecutive_failures":2,"last_error":"HTTP 462 (NLP communication error)",
              "latency_ms":143,"probes_ok":40,"probes_failed":2},
             "faq":{"state":"unknown","since":"2026-11-24T17:58:00.000Z","last_probe_at":null,"last_ok_at":null,
              "consecutive_failures":0,"last_error":null,"latency_ms":null,"probes_ok":0,"probes_failed":0}}
            """, botOfAgent: "\"helpbot\"")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let agents = try #require(lines.firstIndex { $0.hasPrefix("AGENT ") })
        let bots = try #require(lines.firstIndex { $0.hasPrefix("BOT ") })
        try #require(lines.count > bots + 2, "\(result.stdout)")
        #expect(bots > agents + 2)
        #expect(lines[bots - 1].isEmpty)
        #expect(lines[agents + 2].contains("Help bot") && lines[agents + 2].contains("bot_down"))
        let columns = lines[bots].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(columns == "BOT STATE SINCE LAST PROBE LATENCY FAILURES LAST ERROR")
        let faq = lines[bots + 1].split(separator: " ").map(String.init)
        try #require(faq.count == 8, "\(faq)")
        #expect(faq == ["faq", "unknown", faq[2], "ago", "-", "-", "0", "-"])
        let helpbot = lines[bots + 2].split(separator: " ").map(String.init)
        try #require(helpbot.count == 14, "\(helpbot)")
        #expect(Array(helpbot.prefix(2)) == ["helpbot", "down"] && helpbot[3] == "ago" && helpbot[5] == "ago", "\(helpbot)")
        #expect(Array(helpbot.dropFirst(6)) == ["143", "ms", "2", "HTTP", "462", "(NLP", "communication", "error)"], "\(helpbot)")
    }

    @Test func withoutBotsThereIsNoBotsTable() throws {
        let result = try Self.table(bots: "{}", botOfAgent: "null")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("BOT "))
        #expect(result.stdout.contains("AGENT "))
    }
}
