/// How ``StderrLogHandler`` marks a line's level.
public enum StderrLineStyle: Sendable, Hashable {
    /// `info label: message …`, for a terminal or a plain file.
    case levelWord
    /// `<6>label: message …`, the syslog priority prefix journald's stream reader understands.
    case priorityPrefix

    /// ``priorityPrefix`` when stderr is the journal stream, else ``levelWord``.
    public static func automatic() -> StderrLineStyle {
        JournalStream.isConnected() ? .priorityPrefix : .levelWord
    }
}
