import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// 100 SIGHUPs in a tight loop: coalesced into a few reloads, no crash, no duplicated timer.
@Suite struct ReloadStormTests {
    @Test func aHundredSighupsCoalesceAndTheDaemonKeepsPinging() async throws {
        try await withDaemon(agents: "  - id: storm-a\n  - id: storm-b") { daemon in
            #expect(try daemon.startAndWaitForStatus())
            let pid = try #require(daemon.process?.processIdentifier)

            for _ in 0..<100 { kill(pid, SIGHUP) }

            #expect(daemon.notify.waitFor { $0.contains("RELOADING=1") } != nil)
            // Bounded: reloads take milliseconds; two quiet seconds means the storm is over.
            let datagrams = daemon.notify.drain(for: .seconds(3))
            let reloads = datagrams.filter { $0.contains("RELOADING=1") }.count
            let readies = datagrams.filter { $0.contains("READY=1") }.count
            print("reload storm: 100 SIGHUPs gave \(reloads) reloads (RELOADING=1) and \(readies) READY=1 (1 at start)")
            #expect(reloads >= 1)
            #expect(reloads <= 3)
            #expect(readies == reloads + 1)
            #expect(daemon.process?.isRunning == true)
            #expect(daemon.waitForStatus { ($0["config"] as? [String: Any])?["generation"] as? Int == 1 + reloads })

            let before = daemon.standIn.requests.count
            #expect(daemon.waitForRequests { requests in
                ["storm-a", "storm-b"].allSatisfy { agent in requests.dropFirst(before).filter { $0.agent == agent }.count >= 2 }
            })
            for agent in ["storm-a", "storm-b"] {
                for gap in gapsInSeconds(daemon.pingTimes(agent)) {
                    #expect(gap >= 1, "\(agent): two pings \(gap) s apart, under half the 2 s interval (a duplicated timer?)")
                }
            }
            #expect(daemon.stopWithin() == 0)
        }
    }
}
