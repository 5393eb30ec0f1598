import Foundation
import Testing

/// `presence-bench --scenario smoke --scenario smoke-accounts --scenario smoke-tls --json`
/// completes and reports well-formed JSON: the one-account form, the `accounts:` form with a
/// rate-limited account, and the one-account form over HTTPS; and with `--peer`, the reference
/// pinger's and wrk's figures next to the daemon's.
///
/// Benchmarks measure, tests assert behaviour: no figure is checked against a target here.
@Suite struct BenchSmokeTests {
    /// The built `presence-bench`, next to `agent-presenced` in the build folder.
    private var benchURL: URL {
        DaemonBinary.url.deletingLastPathComponent().appendingPathComponent("presence-bench")
    }

    @Test func smokeScenarioCompletesWithWellFormedJSON() throws {
        let (status, stdout, stderr) = try runBench(["--scenario", "smoke", "--scenario", "smoke-accounts", "--scenario", "smoke-tls", "--json"])
        #expect(status == 0, "stderr: \(stderr)")

        let report = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        let machine = try #require(report["machine"] as? [String: Any])
        for key in ["cpus", "cpu_model", "memory_mb", "kernel"] {
            #expect(machine[key] != nil, "machine.\(key)")
        }
        let results = try #require(report["results"] as? [[String: Any]])
        #expect(results.map { $0["scenario"] as? String } == ["smoke", "smoke-accounts", "smoke-tls"])
        for result in results { try checkResult(result) }
        #expect(results.first?["accounts"] == nil, "the one-account form has no accounts figures")
        let accounts = try #require(results[1]["accounts"] as? [String: Any])
        let accountNumbers = [
            "accounts", "limited_accounts", "limit_spell_s", "unaffected_agents", "limited_agents", "accounts_held",
            "too_many_requests", "sent_while_held", "limited_agents_resumed",
        ]
        for key in accountNumbers {
            #expect(accounts[key] is NSNumber, "accounts.\(key) is a number")
        }
        try checkSpread(accounts, "resume_delay_ms")
        // Over HTTPS (the stand-in's throwaway CA trusted through ca_file) every agent was pinged.
        let tls = results[2]
        #expect(tls["agents_pinged"] as? Int == 300, "smoke-tls: \(tls["agents_pinged"] ?? "nil") agents pinged")
        #expect(tls["failed_requests"] as? Int == 0, "smoke-tls: \(tls["failed_requests"] ?? "nil") failed requests")
    }

    /// `--peer` adds the reference pinger's and wrk's figures to each scenario, over plain HTTP
    /// and HTTPS: present, positive, and the peer pinged without failures. No figure is checked
    /// against a target.
    @Test func peerAddsTheFloorAndPeerFigures() throws {
        let (status, stdout, stderr) = try runBench(["--scenario", "smoke", "--scenario", "smoke-tls", "--peer", "--json"])
        #expect(status == 0, "stderr: \(stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        #expect(results.map { $0["scenario"] as? String } == ["smoke", "smoke-tls"])
        for result in results {
            let name = result["scenario"] as? String ?? "?"
            try checkResult(result)
            let positives = [
                "peer_cpu_us_per_ping", "peer_pings_per_s", "floor_cpu_us_per_request", "floor_requests_per_s",
                "daemon_per_floor", "peer_per_daemon",
            ]
            for key in positives {
                let value = (result[key] as? NSNumber)?.doubleValue
                #expect((value ?? 0) > 0, "\(name): \(key) = \(value.map { "\($0)" } ?? "missing")")
            }
            #expect(result["peer_failed_requests"] as? Int == 0, "\(name): peer_failed_requests = \(result["peer_failed_requests"] ?? "missing")")
        }
    }

    /// Runs the bench with `arguments` (and this build's daemon); its exit status, stdout and stderr.
    private func runBench(_ arguments: [String]) throws -> (Int32, Data, String) {
        let bench = benchURL
        try #require(FileManager.default.isExecutableFile(atPath: bench.path), "build presence-bench first: \(bench.path)")
        let process = Process()
        process.executableURL = bench
        process.arguments = arguments + ["--binary", DaemonBinary.url.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is a few progress lines, well within a pipe's buffer while stdout is read.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }

    private func checkResult(_ result: [String: Any]) throws {
        let numbers = [
            "runs", "agents", "interval_s", "jitter_s", "presence_window_s", "duration_s", "ready_after_s",
            "pings_per_s", "cpu_us_per_ping", "cpu_percent", "standin_cpu_percent", "peak_rss_mb", "end_rss_mb",
            "lapses", "agents_pinged", "failed_requests", "daemon_exit_status",
        ]
        for key in numbers {
            #expect(result[key] is NSNumber, "\(key) is a number")
        }
        for group in ["gap_error_ms", "grid_error_ms"] { try checkSpread(result, group) }
        let status = try #require(result["status_file"] as? [String: Any])
        for key in ["build_ms", "write_ms", "bytes"] {
            #expect(status[key] is NSNumber, "status_file.\(key)")
        }
    }

    private func checkSpread(_ object: [String: Any], _ group: String) throws {
        let spread = try #require(object[group] as? [String: Any], "\(group)")
        for key in ["p50", "p99", "max"] {
            #expect(spread[key] is NSNumber, "\(group).\(key)")
        }
    }
}
