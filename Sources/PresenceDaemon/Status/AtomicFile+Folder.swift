import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicFile {
    /// The folder that holds `path` and its temporaries (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// How the temporaries of `path` are named before the six characters `mkstemp` adds:
    /// `.status.json.` for `status.json`.
    static func temporaryPrefix(of path: String) -> String {
        "." + (path as NSString).lastPathComponent + "."
    }

    /// Creates the folder of `path` (mode 0755) when it is missing; a failure shows on the
    /// first write instead.
    public static func prepareFolder(of path: String) {
        let folder = folder(of: path)
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
    }

    /// Removes the temporaries of `path` that an interrupted write left (a `kill -9` between
    /// the write and the rename): names of exactly the `mkstemp` pattern, regular files, in
    /// `path`'s own folder. Returns the names removed.
    ///
    /// Call it only while no other process writes `path` (the daemon holds its status lock):
    /// a live writer's temporary matches too.
    @discardableResult
    public static func removeLeftovers(of path: String) -> [String] {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(of: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names where isTemporary(name, prefix: prefix) {
            let leftover = folder + "/" + name
            var info = stat()
            guard lstat(leftover, &info) == 0, info.st_mode & S_IFMT == S_IFREG, unlink(leftover) == 0 else { continue }
            removed.append(name)
        }
        return removed
    }

    /// Whether `name` is `prefix` plus the six letters and digits `mkstemp` puts in.
    static func isTemporary(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let suffix = name.utf8.dropFirst(prefix.utf8.count)
        return suffix.count == 6 && suffix.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
