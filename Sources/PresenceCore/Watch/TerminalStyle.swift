/// The ANSI escape sequences `status --watch` writes to a terminal, and the colour of each state
/// word in a table's STATE column.
public enum TerminalStyle {
    /// Escape (0x1B), the first byte of every sequence.
    public static let escape = "\u{1B}"
    /// Cursor to the top left corner.
    public static let home = escape + "[H"
    /// Clears the whole screen (the first frame only).
    public static let clearScreen = escape + "[2J"
    /// Clears from the cursor to the end of its line (after each line of a frame).
    public static let clearToEndOfLine = escape + "[K"
    /// Clears from the cursor to the end of the screen (after the last line of a frame).
    public static let clearToEndOfScreen = escape + "[J"
    /// Hides the cursor while frames are drawn.
    public static let hideCursor = escape + "[?25l"
    /// Shows the cursor again when the watch ends.
    public static let showCursor = escape + "[?25h"
    /// Back to the terminal's default colour and weight.
    public static let reset = escape + "[0m"

    /// A colour of a state word.
    public enum Colour: String, Sendable {
        case green = "32"
        case yellow = "33"
        case red = "31"
        case cyan = "36"
        case dim = "2"

        /// `text` in this colour, followed by a reset.
        public func paint(_ text: String) -> String {
            TerminalStyle.escape + "[" + rawValue + "m" + text + TerminalStyle.reset
        }
    }

    /// Green: working; yellow: about to fail or waiting; red: failed, needs a look; cyan: held
    /// back on purpose; dim: switched off. Agent, account and bot states alike; `nil` for any
    /// other word.
    public static func colour(ofState state: String) -> Colour? {
        switch state {
        case "online", "active", "up": .green
        case "retrying", "pending", "rate_limited", "unknown": .yellow
        case "lapsed", "rejected", "bot_down", "down": .red
        case "paused", "standby", "off_shift", "away": .cyan
        case "disabled": .dim
        default: nil
        }
    }
}
