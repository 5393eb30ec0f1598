import Glibc

/// Where the daemon's logs go.
public enum LogTarget: String, Sendable, CaseIterable {
    /// Native journal entries with structured fields (``JournalLogHandler``).
    case journal
    /// One line per entry on stderr (``StderrLogHandler``).
    case stderr

    /// ``journal`` when stderr is the journal stream (`JOURNAL_STREAM` matches its device and
    /// inode, i.e. running under systemd), else ``stderr``.
    public static func automatic(
        fileDescriptor: Int32 = STDERR_FILENO,
        journalStream: String? = JournalStream.environmentValue()
    ) -> LogTarget {
        JournalStream.isConnected(fileDescriptor: fileDescriptor, journalStream: journalStream)
            ? .journal
            : .stderr
    }
}
