import Foundation

/// The reference pinger's part of a `--peer` run: the same roster, cadence, duration and
/// warm-up as the daemon's part, against the same stand-in once the daemon has stopped, so that
/// every request in its window is the peer's.
struct PeerRun {
    /// The peer's CPU per successful ping in the steady window, microseconds.
    var cpuUsPerPing: Double
    /// The peer's successful pings per second in the steady window.
    var pingsPerS: Double
    /// Requests of the peer's part the stand-in did not answer with 2xx, or that the peer saw
    /// fail (timeouts, connection errors), whichever is more.
    var failedRequests: Int

    /// Runs `peer_pinger.py` for `scenario` against the stand-in at `baseURL`; `failuresBefore`
    /// is the log's failed and malformed lines so far (the daemon's), `wallOffset` turns
    /// monotonic seconds into the log's wall-clock ones.
    static func measure(
        _ scenario: BenchScenario, tools: PeerTools, workspace: BenchWorkspace, baseURL: String,
        wallOffset: Double, failuresBefore: Int
    ) throws -> PeerRun {
        var arguments = [
            tools.script, "--base-url", baseURL, "--api-key-file", workspace.keyFile(nil),
            "--agents", String(scenario.agents), "--agent-prefix", BenchWorkspace.agentPrefix,
            "--interval", String(scenario.interval), "--jitter", String(scenario.jitter),
            "--timeout", String(scenario.timeout), "--startup-window", String(scenario.startupWindow),
            "--max-in-flight", String(scenario.maxInFlight),
        ]
        if let caFile = workspace.caFile { arguments += ["--ca-file", caFile] }
        let outputPath = workspace.path + "/peer.out"
        let spawnedAt = MonotonicSeconds.now()
        let peer = try ChildProcess(name: "peer", executable: PeerTools.python, arguments: arguments, outputPath: outputPath)
        defer { peer.stop() }
        MonotonicSeconds.sleep(until: spawnedAt + scenario.warmUp)
        guard peer.isRunning, let start = ProcessSample.read(pid: peer.pid) else {
            throw BenchError("the peer exited early (see \(outputPath))")
        }
        MonotonicSeconds.sleep(until: spawnedAt + scenario.duration)
        guard peer.isRunning, let end = ProcessSample.read(pid: peer.pid) else {
            throw BenchError("the peer exited early (see \(outputPath))")
        }
        let status = peer.stop()
        guard status == 0 else { throw BenchError("the peer exited with status \(status) (see \(outputPath))") }
        // The stand-in writes its log every 250 ms.
        usleep(600_000)

        let log = try RequestLogReader(path: workspace.requestLog)
        let windowStart = start.at + wallOffset, windowEnd = end.at + wallOffset
        var pings = 0
        for (agent, times) in log.successes where agent != FloorRun.agentID {
            pings += times.count { $0 >= windowStart && $0 <= windowEnd }
        }
        let cpu = end.cpuSeconds - start.cpuSeconds
        return PeerRun(
            cpuUsPerPing: pings > 0 ? cpu * 1e6 / Double(pings) : 0,
            pingsPerS: Double(pings) / (end.at - start.at),
            failedRequests: max(log.failures + log.malformed - failuresBefore, reportedFailures(outputPath))
        )
    }

    /// The `failed` count of the summary line the peer prints when it stops.
    private static func reportedFailures(_ outputPath: String) -> Int {
        guard let text = try? String(contentsOfFile: outputPath, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let failed = object["failed"] as? Int else { return 0 }
        return failed
    }
}
