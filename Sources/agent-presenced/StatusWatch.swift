import Foundation
import PresenceCore

/// `status --watch`: reads the status every `interval` seconds, as the one-shot `status` does,
/// and shows it as a table redrawn in place (a terminal) or as one plain table per refresh. A
/// refresh that finds no daemon shows the reason in place (a terminal) or prints it on stderr,
/// and the watch goes on, until Ctrl-C, SIGTERM, or `count` refreshes.
struct StatusWatch {
    /// Where each refresh reads the status.
    let source: StatusSource
    /// Seconds between refreshes.
    let interval: Double
    /// Stop after this many refreshes (`nil`: until a signal).
    let count: Int?

    /// The header's title, as `watch` names its command.
    static let title = "agent-presenced status"

    /// Refreshes until stopped; returns after the cursor is shown again.
    func run() async {
        let source = source, interval = interval, count = count
        await InterruptSignals.run {
            var screen = WatchScreen(environment: ProcessInfo.processInfo.environment)
            var refreshes = 0
            while !Task.isCancelled {
                let header = StatusWatchFrame.header(title: Self.title, interval: interval, at: Date())
                switch await source.read() {
                case .success(let reading):
                    screen.show(StatusWatchFrame(header: header, lines: StatusTable(document: reading.document).lines))
                case .failure(let reason) where screen.isTerminal:
                    screen.show(StatusWatchFrame(header: header, lines: [reason.message]))
                case .failure(let reason):
                    Console.error(reason.message)
                }
                refreshes += 1
                if let count, refreshes >= count { break }
                try? await Task.sleep(for: .seconds(interval))
            }
            screen.finish()
        }
    }
}
