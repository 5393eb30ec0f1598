import Foundation

/// One refresh of a live status view (`status --watch`, the demo), as the bytes to write: on a
/// terminal it redraws in place (cursor home, each line cleared to its end, the rest of the
/// screen cleared), with a header naming the interval and the time and, optionally, coloured
/// states; on anything else it is the plain lines, a blank line before every frame but the first.
public struct StatusWatchFrame: Sendable {
    /// How frames reach the reader.
    public enum Output: Sendable, Equatable {
        /// A terminal: redrawn in place; `colour` paints the STATE columns.
        case terminal(colour: Bool)
        /// A pipe or a file: plain text, no escape sequences.
        case plain
    }

    /// The header line a terminal shows above the lines (`Every 2s: agent-presenced status …`).
    public var header: String
    /// The table, or the error line when no status could be read.
    public var lines: [String]

    /// A frame of `lines` under `header`.
    public init(header: String, lines: [String]) {
        self.header = header
        self.lines = lines
    }

    /// The text to write for this frame; `isFirst` clears the whole screen once (terminal) or
    /// leaves out the separating blank line (plain).
    public func rendered(for output: Output, isFirst: Bool) -> String {
        switch output {
        case .plain:
            return (isFirst ? "" : "\n") + lines.map { $0 + "\n" }.joined()
        case .terminal(let colour):
            let body = colour ? StateColumnPainter.paint(lines) : lines
            let start = TerminalStyle.home + (isFirst ? TerminalStyle.clearScreen : "")
            let shown = [header, ""] + body
            return start + shown.map { $0 + TerminalStyle.clearToEndOfLine + "\n" }.joined() + TerminalStyle.clearToEndOfScreen
        }
    }

    /// `watch`'s header: `Every 2s: agent-presenced status` and the local time,
    /// `Every 0.5s: agent-presenced status    Sun Dec  6 21:22:25 2026`.
    public static func header(title: String, interval: Double, at date: Date, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        return "Every \(intervalText(interval)): \(title)    \(formatter.string(from: date))"
    }

    /// `2s`, `0.5s`, `1.25s`: seconds without a trailing `.0`.
    static func intervalText(_ seconds: Double) -> String {
        if seconds == seconds.rounded(), seconds < 1e9 { return "\(Int(seconds))s" }
        return "\(seconds)s"
    }
}
