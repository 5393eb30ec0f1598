import Glibc

/// Detects whether a file descriptor is connected to journald's stream socket.
///
/// systemd sets `JOURNAL_STREAM=<device>:<inode>` for a service whose stdout/stderr go to the
/// journal. It is inherited by children whose stderr may point elsewhere, so the descriptor's own
/// `fstat` identity must match before the value is trusted.
public enum JournalStream {
    /// The current `JOURNAL_STREAM` value, if set.
    public static func environmentValue() -> String? {
        getenv("JOURNAL_STREAM").map { String(cString: $0) }
    }

    /// Whether `fileDescriptor` (stderr by default) is the journal stream `journalStream` names.
    public static func isConnected(
        fileDescriptor: Int32 = STDERR_FILENO,
        journalStream: String? = environmentValue()
    ) -> Bool {
        guard let journalStream, let expected = parse(journalStream) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == expected.device && UInt64(status.st_ino) == expected.inode
    }

    /// Parses `<device>:<inode>` (two decimal numbers), or `nil` when malformed.
    static func parse(_ value: String) -> (device: UInt64, inode: UInt64)? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return nil
        }
        return (device, inode)
    }
}
