import Foundation
import PresenceCore

/// The status file as a table for people: one line per agent.
struct StatusTable {
    let document: StatusDocument
    var now = Date()

    var lines: [String] {
        let config = document.config
        var lines = ["agent-presenced pid \(document.pid), config generation \(config.generation) (\(config.path)), updated \(document.updatedAt)"]
        if let error = config.lastReloadError { lines.append("last reload refused: \(error)") }
        let counts = AgentState.allCases.compactMap { state in
            document.summary[state.rawValue].flatMap { $0 > 0 ? "\($0) \(state.rawValue)" : nil }
        }
        lines.append("\(document.agents.count) agents: " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")))
        let header = ["AGENT", "STATE", "LAST SUCCESS", "NEXT PING", "FAILURES", "LAST ERROR"]
        let rows = document.agents.map { agent in
            [
                agent.label ?? agent.id ?? agent.email ?? agent.key,
                agent.state,
                relative(agent.lastSuccessAt, past: true),
                relative(agent.nextPingAt, past: false),
                String(agent.consecutiveFailures),
                agent.lastError ?? "-",
            ]
        }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < 5 { widths[index] = max(widths[index], cell.count) } }
        func format(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index < 5 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }
        lines.append(format(header))
        lines += rows.map(format)
        return lines
    }

    /// `12s ago`, `in 48s`, or `-`.
    private func relative(_ timestamp: String?, past: Bool) -> String {
        guard let timestamp, let date = RFC3339.date(from: timestamp) else { return "-" }
        let seconds = Int((past ? now.timeIntervalSince(date) : date.timeIntervalSince(now)).rounded())
        let text = seconds >= 120 ? "\(seconds / 60)m" : "\(max(seconds, 0))s"
        return past ? "\(text) ago" : "in \(text)"
    }
}
