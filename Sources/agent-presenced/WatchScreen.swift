import PresenceCore

#if canImport(Glibc)
import Glibc
#endif

/// Standard output as a live status view: frames redrawn in place, cut to the screen's size,
/// with coloured states unless `NO_COLOR` is set, when it is a terminal; plain tables one after
/// the other otherwise. Hides the cursor while it draws on a terminal and shows it again at
/// `finish()`.
struct WatchScreen {
    /// How frames are written.
    let output: StatusWatchFrame.Output
    /// Frames written so far.
    private var framesShown = 0

    /// The view standard output allows: a terminal (`isatty`) redraws in place, coloured unless
    /// `NO_COLOR` is set to anything but the empty string; a `TERM=dumb` terminal (an editor's
    /// shell, a serial console) cannot move its cursor and gets plain tables.
    init(environment: [String: String]) {
        if isatty(STDOUT_FILENO) == 1, environment["TERM"] != "dumb" {
            output = .terminal(colour: (environment["NO_COLOR"] ?? "").isEmpty)
        } else {
            output = .plain
        }
    }

    /// Whether frames are redrawn in place.
    var isTerminal: Bool { output != .plain }

    /// Writes `frame`, replacing the previous one on a terminal.
    mutating func show(_ frame: StatusWatchFrame) {
        let prefix = isTerminal && framesShown == 0 ? TerminalStyle.hideCursor : ""
        Console.put(prefix + frame.rendered(for: output, isFirst: framesShown == 0, screen: isTerminal ? Self.size() : nil))
        framesShown += 1
    }

    /// The terminal's size now (it may have been resized since the last frame); `nil` when the
    /// terminal does not say.
    private static func size() -> StatusWatchFrame.ScreenSize? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return StatusWatchFrame.ScreenSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
    }

    /// Shows the cursor again, when a frame hid it.
    func finish() {
        if isTerminal, framesShown > 0 { Console.put(TerminalStyle.showCursor) }
    }
}
