#if canImport(Glibc)
import Glibc
#endif

/// Writes whole lines to stdout and stderr.
enum Console {
    /// Prints a line to standard output.
    static func out(_ line: String) {
        write(line + "\n", to: STDOUT_FILENO)
    }

    /// Writes `text` to standard output as it is (no newline added): a live view's frame.
    static func put(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Prints a line to standard error.
    static func error(_ line: String) {
        write(line + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
