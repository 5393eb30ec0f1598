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
        try write(to: path, mode: mode) { write in
            try data.withUnsafeBytes { try write($0) }
        }
    }

    /// Writes the bytes `produce` hands to its `write` argument, in as many pieces as it likes,
    /// to `path` atomically with mode `mode`. If `produce` throws, `path` is left as it was.
    ///
    /// `check` runs just before the rename and may throw to leave `path` as it is (the status
    /// writer refuses to replace a file that is not a status document).
    public static func write(
        to path: String, mode: mode_t = 0o644,
        checkingBeforeReplace check: (String) throws -> Void = { _ in },
        _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        let folder = folder(of: path)
        var template = Array("\(folder)/\(temporaryPrefix(of: path))XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure("create a temporary file in", folder) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            try produce { try writeAll($0, to: fd, path: temporary) }
            guard fchmod(fd, mode) == 0 else { throw failure("set the mode of", temporary) }
            guard fsync(fd) == 0 else { throw failure("sync", temporary) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure("close", temporary) }
        try check(path)
        guard rename(temporary, path) == 0 else { throw failure("rename a temporary file to", path) }
        committed = true
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    private static func failure(_ step: String, _ path: String) -> WriteError {
        WriteError(step: step, path: path, reason: String(cString: strerror(errno)))
    }
}
