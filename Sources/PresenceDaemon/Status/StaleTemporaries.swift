import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes the temporary files a killed daemon left beside its status file.
///
/// ``AtomicFile`` writes `.<name>.XXXXXX` (`mkstemp`) next to the target and renames it; a
/// `kill -9` between the two leaves it behind, megabytes each for a large roster. Only names
/// of exactly that pattern, only regular files, only in the status file's own folder.
public enum StaleTemporaries {
    /// Removes the leftovers of `statusPath`'s writes; returns the names removed.
    ///
    /// Call it only while holding the status file's lock: a live writer's temporary matches too.
    @discardableResult
    public static func remove(besides statusPath: String) -> [String] {
        let folder = (statusPath as NSString).deletingLastPathComponent.isEmpty ? "." : (statusPath as NSString).deletingLastPathComponent
        let prefix = "." + (statusPath as NSString).lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names where isTemporary(name, prefix: prefix) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, unlink(path) == 0 else { continue }
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
