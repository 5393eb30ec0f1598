import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The closing proof: a reload that disables one agent and adds another leaves the
/// unchanged agents' cadence alone, as the stand-in's request log shows.
@Suite struct ReloadCadenceTests {
    static let before = "  - id: keep-1\n  - id: keep-2\n  - id: drop-me"
    static let after = "  - id: keep-1\n  - id: keep-2\n  - id: drop-me\n    enabled: false\n  - id: new-one"
    static let kept = ["keep-1", "keep-2"]

    @Test func unchangedAgentsKeepTheirCadenceAcrossAReload() async throws {
        try await withDaemon(agents: Self.before) { daemon in
            #expect(try daemon.startAndWaitForStatus())
            #expect(daemon.waitForRequests { requests in
                ["keep-1", "keep-2", "drop-me"].allSatisfy { agent in requests.filter { $0.agent == agent }.count >= 3 }
            })

            try daemon.writeConfig(agents: Self.after)
            daemon.signal(SIGHUP)
            let reloading = try #require(daemon.notify.waitFor { $0.contains("RELOADING=1") })
            let reloadAt = try #require(monotonicNanoseconds(ofReloading: reloading))
            let ready = daemon.notify.waitFor { $0.contains("READY=1") }
            #expect(ready?.contains("reload refused") == false)

            let pingsAfter = { (agent: String) in daemon.pingTimes(agent).filter { $0 > reloadAt }.count }
            #expect(daemon.waitForRequests { _ in
                Self.kept.allSatisfy { pingsAfter($0) >= 4 } && pingsAfter("new-one") >= 2
            })
            #expect(daemon.stopWithin() == 0)

            for agent in Self.kept + ["drop-me", "new-one"] {
                let relative = daemon.pingTimes(agent).map { (Double(Int64($0) - Int64(reloadAt)) / 1e9) }
                print("cadence \(agent): pings at " + relative.map { String(format: "%+.2f", $0) }.joined(separator: " ") + " s (reload at 0)")
            }
            #expect(pingsAfter("drop-me") <= 1, "the disabled agent was pinged after the reload: one in flight at most")
            #expect(pingsAfter("new-one") >= 1)
            for agent in Self.kept {
                let gaps = gapsInSeconds(daemon.pingTimes(agent))
                print("cadence \(agent): gaps " + gaps.map { String(format: "%.2f", $0) }.joined(separator: " ") + " s")
                #expect(gaps.allSatisfy { $0 >= 1 && $0 <= 3.5 }, "\(agent): gaps \(gaps) outside [1 s, 3.5 s] for a 2 s interval")
            }
            #expect(daemon.statusAgent(id: "drop-me")?["state"] as? String == "disabled")
        }
    }
}
