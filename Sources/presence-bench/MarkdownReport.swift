import Foundation

/// The report as Markdown tables: one row per scenario, then the reload figures.
enum MarkdownReport {
    /// Renders `results` measured on `machine`.
    static func render(_ results: [RunResult], machine: MachineInfo) -> String {
        var lines = [
            "Machine: \(machine.line). Medians of the runs shown; lapses, failures and reload anomalies are the worst run.",
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
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func seconds(_ value: Double) -> String {
        value >= 1 && value == value.rounded() ? "\(Int(value)) s" : "\(Int((value * 1000).rounded())) ms"
    }
}
