import Foundation

/// The report as Markdown tables: one row per scenario, then the reload figures.
enum MarkdownReport {
    /// Renders `results` measured on `machine`.
    static func render(_ results: [RunResult], machine: MachineInfo) -> String {
        var lines = [
            "Machine: \(machine.line). Medians of the runs shown; lapses, failures, reload anomalies and requests while held are the worst run.",
            "",
            "| scenario | runs | agents | interval | jitter | pings/s | CPU µs/ping | CPU % core | stand-in CPU % | peak RSS MB | gap err p50 / p99 / max ms | grid err p99 / max ms | lapses | failed | status file ms (build + write) | ready s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for result in results {
            let cells = [
                result.scenario, "\(result.runs)", "\(result.agents)", seconds(result.intervalS), seconds(result.jitterS),
                fixed(result.pingsPerS, 1), fixed(result.cpuUsPerPing, 1), fixed(result.cpuPercent, 2),
                fixed(result.standinCpuPercent, 1), fixed(result.peakRssMb, 1),
                "\(fixed(result.gapErrorMs.p50, 0)) / \(fixed(result.gapErrorMs.p99, 0)) / \(fixed(result.gapErrorMs.max, 0))",
                "\(fixed(result.gridErrorMs.p99, 0)) / \(fixed(result.gridErrorMs.max, 0))",
                "\(result.lapses)", "\(result.failedRequests)",
                "\(fixed(result.statusFile.buildMs + result.statusFile.writeMs, 1)) (\(fixed(result.statusFile.buildMs, 1)) + \(fixed(result.statusFile.writeMs, 1)))",
                fixed(result.readyAfterS, 2),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let reloads = results.filter { $0.reload != nil }
        if !reloads.isEmpty {
            lines += [
                "",
                "| scenario | SIGHUP → READY=1 ms | extra pings | missing pings | unchanged agents | replacement pinged | removed agent pinged after |",
                "|---|---:|---:|---:|---:|---|---:|",
            ]
            for result in reloads {
                guard let reload = result.reload else { continue }
                lines.append("| \(result.scenario) | \(fixed(reload.sighupToReadyMs, 1)) | \(reload.extraPings) | \(reload.missingPings) | \(reload.unchangedAgents) | \(reload.replacementPinged ? "yes" : "no") | \(reload.removedAgentPings) |")
            }
        }
        lines += accountLines(results)
        lines += comparisonLines(results)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table of the many-account scenarios, if any ran.
    private static func accountLines(_ results: [RunResult]) -> [String] {
        let rows = results.compactMap { result in result.accounts.map { (result, $0) } }
        guard !rows.isEmpty else { return [] }
        var lines = [
            "",
            "| scenario | accounts | rate-limited (spell) | lapses of unaffected agents | limited accounts held | 429s | sent while held | limited agents back | back after limit p50 / max ms |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (result, accounts) in rows {
            let cells = [
                result.scenario, "\(accounts.accounts)", "\(accounts.limitedAccounts) (\(seconds(accounts.limitSpellS)))",
                "\(result.lapses) of \(accounts.unaffectedAgents)", "\(accounts.accountsHeld) of \(accounts.limitedAccounts)",
                "\(accounts.tooManyRequests)", "\(accounts.sentWhileHeld)",
                "\(accounts.limitedAgentsResumed) of \(accounts.limitedAgents)",
                "\(fixed(accounts.resumeDelayMs.p50, 0)) / \(fixed(accounts.resumeDelayMs.max, 0))",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// The table of `--peer`: the daemon next to wrk's floor and the reference pinger.
    private static func comparisonLines(_ results: [RunResult]) -> [String] {
        let rows = results.filter { $0.floorCpuUsPerRequest != nil }
        guard !rows.isEmpty else { return [] }
        var lines = [
            "",
            "| scenario | daemon CPU µs/ping | floor: wrk CPU µs/request | wrk requests/s | daemon ÷ floor | peer CPU µs/ping | peer pings/s | peer failed | peer ÷ daemon |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        func cell(_ value: Double?, _ digits: Int) -> String { value.map { fixed($0, digits) } ?? "–" }
        for result in rows {
            let cells = [
                result.scenario, fixed(result.cpuUsPerPing, 1), cell(result.floorCpuUsPerRequest, 1), cell(result.floorRequestsPerS, 0),
                cell(result.daemonPerFloor, 2), cell(result.peerCpuUsPerPing, 1), cell(result.peerPingsPerS, 1),
                result.peerFailedRequests.map(String.init) ?? "–", cell(result.peerPerDaemon, 1),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func seconds(_ value: Double) -> String {
        value >= 1 && value == value.rounded() ? "\(Int(value)) s" : "\(Int((value * 1000).rounded())) ms"
    }
}
