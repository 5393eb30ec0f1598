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

    /// The visible part of a terminal, in character cells.
    public struct ScreenSize: Sendable, Equatable {
        /// Lines on the screen.
        public var rows: Int
        /// Characters on a line.
        public var columns: Int

        /// A screen of `rows` lines of `columns` characters.
        public init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }
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
    /// leaves out the separating blank line (plain). On a terminal of a known `screen` size,
    /// what does not fit is cut off, as `watch` does (a frame that scrolled would not be
    /// redrawn in place): one line short of the height, each line at the width.
    public func rendered(for output: Output, isFirst: Bool, screen: ScreenSize? = nil) -> String {
        switch output {
        case .plain:
            return (isFirst ? "" : "\n") + lines.map { $0 + "\n" }.joined()
        case .terminal(let colour):
            var shown = [header, ""] + lines
            if let screen {
                shown = shown.prefix(max(screen.rows - 1, 1)).map { String($0.prefix(max(screen.columns, 1))) }
            }
            if colour { shown = StateColumnPainter.paint(shown) }
            let start = TerminalStyle.home + (isFirst ? TerminalStyle.clearScreen : "")
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
