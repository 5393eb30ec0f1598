import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small file held under an exclusive `flock` for as long as the daemon lives, holding a
/// ``DaemonRecord``.
///
/// The kernel releases a `flock` when its holder dies, however it dies, so a lock file left
/// behind by a `kill -9` is recognisably stale: nobody holds it. A PID written in a file alone
/// proves nothing (the process may have exited and the PID been reused); a held lock does.
/// The record is rewritten in place, never replaced by a rename, because the lock belongs to
/// the file's inode.
public final class LockFile: @unchecked Sendable {
    /// Where the file is.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The outcome of trying to take a lock.
    public enum Acquisition {
        /// The lock is ours; the record is written.
        case acquired(LockFile)
        /// Another process holds it; its record, when it could be read.
        case held(by: DaemonRecord?)
    }

    /// Takes the lock at `path` without waiting and writes `record` into the file.
    ///
    /// A stopping holder removes its file after its last use; if that happens between our open
    /// and our lock, we locked a file nobody will see, so the path is checked to still name the
    /// locked file, and the attempt repeated if it does not.
    public static func acquire(_ path: String, writing record: DaemonRecord) throws(LockFileError) -> Acquisition {
        for _ in 0..<10 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else { throw LockFileError(path: path, step: "open", errno: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = code == EWOULDBLOCK ? readRecord(fd) : nil
                close(fd)
                if code == EWOULDBLOCK { return .held(by: holder) }
                throw LockFileError(path: path, step: "lock", errno: code)
            }
            var opened = stat(), current = stat()
            guard fstat(fd, &opened) == 0, stat(path, &current) == 0,
                  opened.st_dev == current.st_dev, opened.st_ino == current.st_ino else {
                close(fd)
                continue
            }
            let lock = LockFile(path: path, descriptor: fd)
            _ = fchmod(fd, 0o644)
            try lock.write(record)
            return .acquired(lock)
        }
        throw LockFileError(path: path, step: "lock", errno: EAGAIN)
    }

    /// Replaces the record in the file.
    public func write(_ record: DaemonRecord) throws(LockFileError) {
        let bytes = record.bytes
        guard ftruncate(descriptor, 0) == 0 else { throw LockFileError(path: path, step: "truncate", errno: errno) }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw LockFileError(path: path, step: "write", errno: errno) }
    }

    /// Removes the file and lets the lock go.
    public func release() {
        unlink(path)
        close(descriptor)
    }

    /// Who holds a lock file.
    public enum Holder: Hashable, Sendable {
        /// No file there, or nobody holds it (a stale file of a dead daemon).
        case nobody
        /// A live process holds it; its record, when readable.
        case process(DaemonRecord?)
    }

    /// Who holds the lock at `path`, without taking it for longer than the test.
    public static func holder(of path: String) -> Holder {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .nobody }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return .nobody
        }
        guard errno == EWOULDBLOCK else { return .nobody }
        // The holder may be rewriting it this instant; a few tries see a whole record.
        for _ in 0..<20 {
            if let record = readRecord(fd) { return .process(record) }
            usleep(10_000)
        }
        return .process(nil)
    }

    private static func readRecord(_ fd: Int32) -> DaemonRecord? {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return DaemonRecord.decode(Data(buffer[0..<count]))
    }
}

/// A lock file that could not be opened, locked or written.
public struct LockFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What failed (`open`, `lock`, `write`).
    public var step: String
    /// The errno of the failure.
    public var errno: Int32

    /// "cannot lock /run/agent-presenced/…: Permission denied".
    public var description: String {
        "cannot \(step) \(path): \(String(cString: strerror(errno)))"
    }
}
