/// The figures of one run of one scenario (or the medians of several runs).
struct RunResult: Codable, Sendable {
    /// Order statistics of an error in milliseconds.
    struct Spread: Codable, Sendable {
        var p50: Double
        var p99: Double
        var max: Double

        /// The order statistics of `seconds`, in milliseconds.
        init(seconds: Percentiles) {
            self.init(p50: seconds.value(at: 0.5) * 1000, p99: seconds.value(at: 0.99) * 1000, max: seconds.max * 1000)
        }

        init(p50: Double, p99: Double, max: Double) {
            self.p50 = p50
            self.p99 = p99
            self.max = max
        }

        /// Each figure's median over `runs`.
        static func median(of runs: [Spread]) -> Spread {
            Spread(p50: medianValue(runs.map(\.p50)), p99: medianValue(runs.map(\.p99)), max: medianValue(runs.map(\.max)))
        }
    }

    /// What a reload scenario measured.
    struct Reload: Codable, Sendable {
        /// From SIGHUP to the `READY=1` datagram, milliseconds.
        var sighupToReadyMs: Double
        /// Pings of unchanged agents that came too early around the reload (0 expected).
        var extraPings: Int
        /// Ticks of unchanged agents that were skipped around the reload (0 expected).
        var missingPings: Int
        /// Unchanged agents checked.
        var unchangedAgents: Int
        /// Whether the replacement agent was pinged after the reload.
        var replacementPinged: Bool
        /// Pings of the removed agent after the reload (0 expected).
        var removedAgentPings: Int
    }

    /// The status file at this roster size.
    struct StatusFile: Codable, Sendable {
        /// Building the document from the records, milliseconds.
        var buildMs: Double
        /// Encoding and writing it atomically, milliseconds.
        var writeMs: Double
        /// The file's size, bytes.
        var bytes: Int
    }

    var scenario: String
    var runs: Int
    var agents: Int
    var intervalS: Double
    var jitterS: Double
    var presenceWindowS: Double
    var durationS: Double
    /// Seconds from spawning the daemon to `READY=1`.
    var readyAfterS: Double
    /// Successful pings per second in the steady window.
    var pingsPerS: Double
    /// The daemon's CPU time per successful ping in the steady window, microseconds.
    var cpuUsPerPing: Double
    /// The daemon's CPU in the steady window, percent of one core.
    var cpuPercent: Double
    /// The stand-in's CPU in the steady window, percent of one core.
    var standinCpuPercent: Double
    /// The daemon's peak RSS (`VmHWM`), MB (2^20 bytes).
    var peakRssMb: Double
    /// The daemon's RSS at the end of the run, MB.
    var endRssMb: Double
    /// |gap − interval| between consecutive successes of one agent, milliseconds.
    var gapErrorMs: Spread
    /// Distance of each ping from its agent's grid point, milliseconds (≤ jitter by design).
    var gridErrorMs: Spread
    /// Stretches longer than the presence window without a success, over the agents the
    /// stand-in serves normally (all but those of rate-limited accounts).
    var lapses: Int
    /// Agents with at least one success.
    var agentsPinged: Int
    /// Requests the stand-in did not answer with 2xx.
    var failedRequests: Int
    /// The status file at this roster size.
    var statusFile: StatusFile
    /// Reload figures, for reload scenarios.
    var reload: Reload?
    /// Account figures, for many-account scenarios.
    var accounts: Accounts?
    /// The daemon's exit status after SIGTERM (0 expected).
    var daemonExitStatus: Int
    /// With `--peer`: the reference pinger's CPU per successful ping, microseconds.
    var peerCpuUsPerPing: Double? = nil
    /// With `--peer`: the reference pinger's successful pings per second.
    var peerPingsPerS: Double? = nil
    /// With `--peer`: the reference pinger's failed requests (0 expected).
    var peerFailedRequests: Int? = nil
    /// With `--peer`: wrk's CPU per request against the same stand-in, microseconds (the floor).
    var floorCpuUsPerRequest: Double? = nil
    /// With `--peer`: the requests per second wrk reached.
    var floorRequestsPerS: Double? = nil
    /// With `--peer`: the daemon's CPU per ping over wrk's per request.
    var daemonPerFloor: Double? = nil
    /// With `--peer`: the peer's CPU per ping over the daemon's.
    var peerPerDaemon: Double? = nil

    enum CodingKeys: String, CodingKey {
        case scenario, runs, agents, lapses, reload, accounts
        case intervalS = "interval_s"
        case jitterS = "jitter_s"
        case presenceWindowS = "presence_window_s"
        case durationS = "duration_s"
        case readyAfterS = "ready_after_s"
        case pingsPerS = "pings_per_s"
        case cpuUsPerPing = "cpu_us_per_ping"
        case cpuPercent = "cpu_percent"
        case standinCpuPercent = "standin_cpu_percent"
        case peakRssMb = "peak_rss_mb"
        case endRssMb = "end_rss_mb"
        case gapErrorMs = "gap_error_ms"
        case gridErrorMs = "grid_error_ms"
        case agentsPinged = "agents_pinged"
        case failedRequests = "failed_requests"
        case statusFile = "status_file"
        case daemonExitStatus = "daemon_exit_status"
        case peerCpuUsPerPing = "peer_cpu_us_per_ping"
        case peerPingsPerS = "peer_pings_per_s"
        case peerFailedRequests = "peer_failed_requests"
        case floorCpuUsPerRequest = "floor_cpu_us_per_request"
        case floorRequestsPerS = "floor_requests_per_s"
        case daemonPerFloor = "daemon_per_floor"
        case peerPerDaemon = "peer_per_daemon"
    }
}

extension RunResult.Reload {
    enum CodingKeys: String, CodingKey {
        case sighupToReadyMs = "sighup_to_ready_ms"
        case extraPings = "extra_pings"
        case missingPings = "missing_pings"
        case unchangedAgents = "unchanged_agents"
        case replacementPinged = "replacement_pinged"
        case removedAgentPings = "removed_agent_pings"
    }
}

extension RunResult.StatusFile {
    enum CodingKeys: String, CodingKey {
        case buildMs = "build_ms"
        case writeMs = "write_ms"
        case bytes
    }
}

extension RunResult {
    /// Each figure's median over `runs` (figure by figure); counts of problems (lapses, extra
    /// and missing pings, failures, a bad exit) take the worst run instead, so none is hidden.
    static func median(of runs: [RunResult]) -> RunResult {
        guard var result = runs.first else { preconditionFailure("no runs") }
        guard runs.count > 1 else { return result }
        func mid(_ value: (RunResult) -> Double) -> Double { medianValue(runs.map(value)) }
        func worst(_ value: (RunResult) -> Int) -> Int { runs.map(value).max() ?? 0 }
        result.runs = runs.count
        result.readyAfterS = mid(\.readyAfterS)
        result.pingsPerS = mid(\.pingsPerS)
        result.cpuUsPerPing = mid(\.cpuUsPerPing)
        result.cpuPercent = mid(\.cpuPercent)
        result.standinCpuPercent = mid(\.standinCpuPercent)
        result.peakRssMb = mid(\.peakRssMb)
        result.endRssMb = mid(\.endRssMb)
        result.gapErrorMs = Spread.median(of: runs.map(\.gapErrorMs))
        result.gridErrorMs = Spread.median(of: runs.map(\.gridErrorMs))
        result.lapses = worst(\.lapses)
        result.agentsPinged = runs.map(\.agentsPinged).min() ?? 0
        result.failedRequests = worst(\.failedRequests)
        result.statusFile = StatusFile(buildMs: mid(\.statusFile.buildMs), writeMs: mid(\.statusFile.writeMs), bytes: result.statusFile.bytes)
        result.daemonExitStatus = runs.map(\.daemonExitStatus).first { $0 != 0 } ?? 0
        result.accounts = Accounts.median(of: runs.compactMap(\.accounts))
        result.takeComparisonMedians(of: runs)
        let reloads = runs.compactMap(\.reload)
        if !reloads.isEmpty {
            result.reload = Reload(
                sighupToReadyMs: medianValue(reloads.map(\.sighupToReadyMs)),
                extraPings: reloads.map(\.extraPings).max() ?? 0,
                missingPings: reloads.map(\.missingPings).max() ?? 0,
                unchangedAgents: reloads[0].unchangedAgents,
                replacementPinged: reloads.allSatisfy(\.replacementPinged),
                removedAgentPings: reloads.map(\.removedAgentPings).max() ?? 0
            )
        }
        return result
    }
}
