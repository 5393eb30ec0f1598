import Foundation

extension ScenarioRunner {
    /// The `--peer` part of a run, once the daemon has stopped and its requests are analysed:
    /// the reference pinger with the same roster and cadence (one-account scenarios only: it
    /// holds one key), then wrk's floor, both against the stand-in still running at `baseURL`.
    func measureComparison(
        _ scenario: BenchScenario, tools: PeerTools, workspace: BenchWorkspace, baseURL: String,
        wallOffset: Double, daemonLog: RequestLogReader
    ) throws -> (PeerRun?, FloorRun) {
        var peer: PeerRun?
        if scenario.accounts == nil {
            progress("  peer: the reference pinger, \(Int(scenario.duration)) s")
            let run = try PeerRun.measure(
                scenario, tools: tools, workspace: workspace, baseURL: baseURL, wallOffset: wallOffset,
                failuresBefore: daemonLog.failures + daemonLog.malformed
            )
            progress("  peer: \(fixed(run.pingsPerS, 1)) pings/s, \(fixed(run.cpuUsPerPing, 1)) µs CPU per ping, \(run.failedRequests) failed")
            peer = run
        } else {
            progress("  peer: skipped (the reference pinger holds one key; this scenario has accounts)")
        }
        progress("  floor: wrk -t1 -c\(FloorRun.connections), \(FloorRun.duration) s")
        let floor = try FloorRun.measure(wrk: tools.wrk, baseURL: baseURL, keyFile: workspace.servedKeyFile, workspace: workspace)
        progress("  floor: \(fixed(floor.requestsPerS, 0)) requests/s, \(fixed(floor.cpuUsPerRequest, 1)) µs CPU per request")
        return (peer, floor)
    }

    /// `value` with `digits` decimals, for the progress lines.
    private func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
