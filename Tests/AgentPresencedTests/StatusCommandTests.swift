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
}
