import BrevoStandIn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one scenario once: the stand-in and the real daemon as child processes, a real notify
/// socket, `/proc` sampling, then the analysis of the stand-in's request log; with `--peer`,
/// then the reference pinger and wrk against the same stand-in.
struct ScenarioRunner {
    /// The `agent-presenced` binary.
    var binary: String
    /// Keep the run's folder (config, logs) for inspection.
    var keepFiles = false
    /// With `--peer`: the reference pinger and wrk, run against the same stand-in after the
    /// daemon's part (see ``measureComparison(_:tools:workspace:baseURL:wallOffset:daemonLog:)``).
    var peerTools: PeerTools? = nil
    /// Progress lines go here (stderr), so stdout stays the report.
    var progress: (String) -> Void

    /// Runs `scenario` once and returns its figures. Every child is stopped before it returns.
    func run(_ scenario: BenchScenario) throws -> RunResult {
        var workspace = try BenchWorkspace(for: scenario)
        defer { if !keepFiles { workspace.remove() } }
        let wallOffset = MonotonicSeconds.wallNow() - MonotonicSeconds.now()

        // The rate-limit spell starts when the stand-in does (a few milliseconds after this).
        let limitEndsAt = MonotonicSeconds.wallNow() + (scenario.accounts?.limitSpell ?? 0)
        let certificates = scenario.tls ? try StandInCertificates.make(authority: "presence-bench CA", in: workspace.path + "/tls") : nil
        let tlsArguments = certificates.map { ["--tls-certificate", $0.serverCertificate, "--tls-key", $0.serverKey] } ?? []
        let standIn = try ChildProcess(
            name: "stand-in", executable: binary,
            arguments: ["standin", "--host", "127.0.0.1", "--port", "0"] + workspace.standInKeyArguments
                + ["--log", workspace.requestLog, "--port-file", workspace.portFile] + tlsArguments,
            outputPath: workspace.path + "/standin.out"
        )
        defer { standIn.stop() }
        let port = try waitForPort(workspace.portFile, child: standIn)
        let baseURL = "\(scenario.tls ? "https" : "http")://127.0.0.1:\(port)/v3"
        workspace.caFile = certificates?.caFile
        try workspace.writeConfig(scenario, baseURL: baseURL)

        let notify = try NotifyListener(folder: workspace.path)
        defer { notify.close() }
        let spawnedAt = MonotonicSeconds.now()
        let daemon = try ChildProcess(
            name: "agent-presenced", executable: binary,
            arguments: ["run", "--config", workspace.configFile, "--log-level", "warning", "--log-target", "stderr"],
            // MALLOC_ARENA_MAX: the shipped unit's environment, so the bench measures what runs.
            environment: ["NOTIFY_SOCKET": notify.path, "MALLOC_ARENA_MAX": "1"],
            outputPath: workspace.path + "/daemon.out"
        )
        defer { daemon.stop() }
        var readyMessage: NotifyListener.Message?
        let readyDeadline = MonotonicSeconds.now() + 300
        while readyMessage == nil, daemon.isRunning, MonotonicSeconds.now() < readyDeadline {
            readyMessage = notify.waitFor("READY=1", timeout: 1)
        }
        guard let ready = readyMessage ?? notify.waitFor("READY=1", timeout: 0.1) else {
            throw BenchError("agent-presenced sent no READY=1 (see \(workspace.path)/daemon.out)")
        }
        progress("  ready after \(String(format: "%.2f", ready.at - spawnedAt)) s; running \(Int(scenario.duration)) s")

        sleep(until: ready.at + scenario.warmUp)
        guard let daemonStart = ProcessSample.read(pid: daemon.pid), let standInStart = ProcessSample.read(pid: standIn.pid) else {
            throw BenchError("a child exited early (see \(workspace.path))")
        }

        var reload: (sentAt: Double, readyAt: Double)?
        if let reloadAt = scenario.reloadAt {
            sleep(until: ready.at + reloadAt)
            try workspace.writeConfig(scenario, baseURL: baseURL, changed: true)
            let before = notify.received.count
            let sentAt = MonotonicSeconds.now()
            daemon.signal(SIGHUP)
            guard let reloaded = notify.waitFor("READY=1", after: before, timeout: 60) else {
                throw BenchError("agent-presenced sent no READY=1 after SIGHUP")
            }
            reload = (sentAt, reloaded.at)
            progress("  SIGHUP → READY=1 in \(String(format: "%.1f", (reloaded.at - sentAt) * 1000)) ms")
        }

        sleep(until: ready.at + scenario.duration)
        guard let daemonEnd = ProcessSample.read(pid: daemon.pid), let standInEnd = ProcessSample.read(pid: standIn.pid) else {
            throw BenchError("a child exited early (see \(workspace.path))")
        }
        let exitStatus = daemon.stop()
        if peerTools == nil {
            standIn.stop()
        } else {
            // The stand-in stays up for the peer; it writes its log every 250 ms.
            usleep(600_000)
        }

        let log = try RequestLogReader(path: workspace.requestLog)
        let windowStart = daemonStart.at + wallOffset
        let windowEnd = daemonEnd.at + wallOffset
        let analysis = CadenceAnalysis(
            log: log, scenario: scenario, readyAt: ready.at + wallOffset,
            windowStart: windowStart, windowEnd: windowEnd, reloadAt: reload.map { $0.sentAt + wallOffset }
        )
        let timing = try StatusWriteTiming.measure(scenario, folder: workspace.path)
        let accounts = RunResult.Accounts(log: log, scenario: scenario, limitEndsAt: limitEndsAt)
        if let accounts {
            progress("  \(accounts.accountsHeld) of \(accounts.limitedAccounts) limited accounts held, "
                + "\(accounts.sentWhileHeld) requests while held, \(accounts.limitedAgentsResumed) of \(accounts.limitedAgents) agents back")
        }

        let window = daemonEnd.at - daemonStart.at
        let cpu = daemonEnd.cpuSeconds - daemonStart.cpuSeconds
        let megabyte = 1024.0 * 1024.0
        var result = RunResult(
            scenario: scenario.name, runs: 1, agents: scenario.agents,
            intervalS: scenario.interval, jitterS: scenario.jitter, presenceWindowS: scenario.presenceWindow,
            durationS: scenario.duration, readyAfterS: ready.at - spawnedAt,
            pingsPerS: Double(analysis.pingsInWindow) / window,
            cpuUsPerPing: analysis.pingsInWindow > 0 ? cpu * 1e6 / Double(analysis.pingsInWindow) : 0,
            cpuPercent: cpu / window * 100,
            standinCpuPercent: (standInEnd.cpuSeconds - standInStart.cpuSeconds) / window * 100,
            peakRssMb: Double(daemonEnd.peakRSSBytes) / megabyte,
            endRssMb: Double(daemonEnd.rssBytes) / megabyte,
            gapErrorMs: RunResult.Spread(seconds: analysis.gapErrors),
            gridErrorMs: RunResult.Spread(seconds: analysis.gridErrors),
            lapses: analysis.lapses,
            agentsPinged: analysis.agentsPinged,
            failedRequests: log.failures + log.malformed,
            statusFile: .init(buildMs: timing.buildMilliseconds, writeMs: timing.writeMilliseconds, bytes: timing.bytes),
            reload: reload.map { sent in
                let removed = log.successes[BenchWorkspace.agentID(0)] ?? []
                return RunResult.Reload(
                    sighupToReadyMs: (sent.readyAt - sent.sentAt) * 1000,
                    extraPings: analysis.extraPings,
                    missingPings: analysis.missingPings,
                    unchangedAgents: analysis.unchangedAgentsChecked,
                    replacementPinged: !(log.successes[BenchWorkspace.replacementID] ?? []).isEmpty,
                    // Allow for a ping already in flight when the reload landed.
                    removedAgentPings: removed.count { $0 > sent.readyAt + wallOffset + scenario.timeout }
                )
            },
            accounts: accounts,
            daemonExitStatus: Int(exitStatus)
        )
        if let peerTools {
            let (peer, floor) = try measureComparison(
                scenario, tools: peerTools, workspace: workspace, baseURL: baseURL, wallOffset: wallOffset, daemonLog: log
            )
            result.addComparison(peer: peer, floor: floor)
        }
        return result
    }

    /// Waits (bounded) for the stand-in to write its port.
    private func waitForPort(_ path: String, child: ChildProcess) throws -> Int {
        let deadline = MonotonicSeconds.now() + 20
        while MonotonicSeconds.now() < deadline, child.isRunning {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            usleep(20_000)
        }
        throw BenchError("the stand-in did not start")
    }

    private func sleep(until deadline: Double) {
        MonotonicSeconds.sleep(until: deadline)
    }
}
