#if canImport(Glibc)
import Glibc
#endif

/// Standard error sent to a file for a while: the demo's log on a terminal, where its lines
/// would scroll the live view away. `restore()` points standard error back where it was.
struct StandardErrorRedirect {
    /// A duplicate of the original standard error.
    private let saved: Int32

    /// Sends standard error to `path` (created mode 0600, truncated, never through a symlink);
    /// `nil`, with standard error untouched, when the file cannot be opened.
    init?(toFile path: String) {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard file >= 0 else { return nil }
        defer { close(file) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else { return nil }
        guard dup2(file, STDERR_FILENO) >= 0 else {
            close(saved)
            return nil
        }
        self.saved = saved
    }

    /// Standard error is the original one again.
    func restore() {
        _ = dup2(saved, STDERR_FILENO)
        close(saved)
    }
}
