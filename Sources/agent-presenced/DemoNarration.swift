import Foundation
import Synchronization

/// The demo's scene messages (`>>> …`). When the status is plain text they are printed at once,
/// between the tables; on a terminal, where the table is redrawn in place, the last few are
/// kept, with their time, for the printer to show under the table.
final class DemoNarration: Sendable {
    /// Messages kept for a terminal.
    static let kept = 5

    /// Whether messages wait for the next frame instead of being printed.
    let isTerminal: Bool
    private let recent = Mutex<[String]>([])

    /// A narration for a terminal view (`isTerminal`) or for plain output.
    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// Tells the reader what a scene just did.
    func say(_ message: String) {
        guard isTerminal else {
            Console.out("\n>>> " + message)
            return
        }
        let line = StatusTable.timeOfDay(Date()) + " >>> " + message
        recent.withLock { messages in
            messages.append(line)
            if messages.count > Self.kept { messages.removeFirst(messages.count - Self.kept) }
        }
    }

    /// The kept messages, oldest first (empty for plain output).
    var lines: [String] {
        recent.withLock { $0 }
    }
}
