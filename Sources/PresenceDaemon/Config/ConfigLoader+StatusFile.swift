import Foundation
import PresenceCore
#if canImport(Glibc)
import Glibc
#endif

extension ConfigLoader {
    /// The files a status file must never replace, by what an operator calls them.
    struct ProtectedFiles {
        var config: String
        var dropIns: [String]
        var keyFiles: [String]
        var agentsDir: String?
    }

    /// The issue at `status_file` when the status path would destroy a file that is not ours:
    /// the config, a drop-in, the key file, a `*.yaml` in `agents_dir` (read as a drop-in next
    /// time), or any existing file that is not a status document. `nil` when the path is safe.
    static func statusFileIssue(_ statusPath: String, protecting files: ProtectedFiles, text: String) -> ConfigIssue? {
        guard let problem = statusFileProblem(statusPath, protecting: files) else { return nil }
        let line = ConfigParser.line(of: "status_file", in: text)
        return ConfigIssue(location: ConfigLocation(file: files.config, line: line), keyPath: "status_file",
                           message: "the status file \(problem); point status_file at a file of its own")
    }

    private static func statusFileProblem(_ statusPath: String, protecting files: ProtectedFiles) -> String? {
        if let status = FileIdentity(statusPath) {
            if status == FileIdentity(files.config) { return "is the config file itself" }
            if files.dropIns.contains(where: { FileIdentity($0) == status }) { return "is a drop-in file of agents_dir" }
            if files.keyFiles.contains(where: { FileIdentity($0) == status }) { return "is an API key file" }
        }
        if let agentsDir = files.agentsDir, statusPath.hasSuffix(".yaml"),
           FileIdentity((statusPath as NSString).deletingLastPathComponent) == FileIdentity(agentsDir) {
            return "\(statusPath) is a *.yaml file in agents_dir and would be read as agents"
        }
        return StatusFileGuard.problem(replacing: statusPath).map { "path is unusable: \($0)" }
    }
}

/// A file's identity (device and inode), so two paths to one file compare equal.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` (symbolic links followed), or `nil` if there is none.
    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
