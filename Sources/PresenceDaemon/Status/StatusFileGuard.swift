import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a path may be replaced by a status document: only when nothing is there, or
/// when what is there is one of our status documents.
///
/// A `status_file` pointing at the config or the key file once replaced them with JSON; the
/// writer asks this before every rename, and the config loader before accepting the path.
public enum StatusFileGuard {
    /// How every status document begins (``StatusJSONEncoder`` writes `version` first).
    static let signature = Array("{\"version\":".utf8)

    /// Why `path` must not be replaced by a status document, or `nil` when it may be.
    public static func problem(replacing path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "\(path) is a folder"
        case S_IFLNK: return "\(path) is a symbolic link; give the status file's real path"
        default: return "\(path) is not a regular file"
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        // Unreadable: the rename would fail on the folder's permissions anyway, or it is ours.
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: signature.count)
        let count = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count == signature.count, head == signature else {
            return "\(path) exists and is not an agent-presenced status file; it would be overwritten"
        }
        return nil
    }
}
