import BrevoStandIn
import Foundation
import PresenceCore
import ServiceLifecycle

/// Shows the status every few seconds through the same live view as `status --watch`: redrawn
/// in place on a terminal, with the latest scene messages and `footer` under the table; one
/// plain table after the other otherwise. Returning (after `stopAfter` seconds) shuts the demo
/// down gracefully.
struct DemoPrinter: Service {
    let statusFile: String
    let standIn: BrevoStandIn
    let stopAfter: Int?
    /// Where the scenes' messages wait for the next frame on a terminal.
    let narration: DemoNarration
    /// Lines a terminal shows under every frame (how to try it by hand).
    var footer: [String] = []
    /// Seconds between frames.
    var interval = 3.0

    func run() async throws {
        let start = ContinuousClock.now
        var screen = WatchScreen(environment: ProcessInfo.processInfo.environment)
        defer { screen.finish() }
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(interval))
            if Task.isShuttingDownGracefully { return }
            if let document = ReloadCommand.readStatus(statusFile) {
                screen.show(frame(StatusTable(document: document).lines, onTerminal: screen.isTerminal))
            }
            if let stopAfter, ContinuousClock.now - start >= .seconds(stopAfter) { return }
        }
    }

    /// The table, then (on a terminal) the scene messages and the footer.
    private func frame(_ table: [String], onTerminal: Bool) -> StatusWatchFrame {
        let header = StatusWatchFrame.header(title: "agent-presenced demo (Ctrl-C stops)", interval: interval, at: Date())
        guard onTerminal else { return StatusWatchFrame(header: header, lines: table) }
        let messages = narration.lines
        var lines = table
        if !messages.isEmpty { lines += [""] + messages }
        if !footer.isEmpty { lines += [""] + footer }
        return StatusWatchFrame(header: header, lines: lines)
    }
}
