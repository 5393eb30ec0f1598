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
}
