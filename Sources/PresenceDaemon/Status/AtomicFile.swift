#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Replaces a file atomically: readers see the old contents or the new, never a part.
///
/// The bytes go to a temporary file in the same folder (rename is atomic only within one file
/// system), which is synced, given its final mode and renamed over the target; the folder is
/// synced too so the rename survives a crash.
public enum AtomicFile {
    /// A failed replacement, naming the step and the path.
    public struct WriteError: Error, Hashable, CustomStringConvertible {
        /// What failed (`create`, `write`, `rename`, …).
        public var step: String
        /// The path involved.
        public var path: String
        /// `strerror` of the failure.
        public var reason: String

        /// `cannot rename … to …: reason`.
        public var description: String { "cannot \(step) \(path): \(reason)" }
    }

    /// Writes `data` to `path` atomically with mode `mode`.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(folder)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("create a temporary file in", folder) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            try writeAll(data, to: fd, path: temporary)
            guard fchmod(fd, mode) == 0 else { throw failure("set the mode of", temporary) }
            guard fsync(fd) == 0 else { throw failure("sync", temporary) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure("close", temporary) }
        guard rename(temporary, path) == 0 else { throw failure("rename a temporary file to", path) }
        committed = true
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        let failed: Bool = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed { throw failure("write", path) }
    }

    private static func failure(_ step: String, _ path: String) -> WriteError {
        WriteError(step: step, path: path, reason: String(cString: strerror(errno)))
    }
}
