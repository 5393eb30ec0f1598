import Foundation
import PresenceCore
#if canImport(Glibc)
import Glibc
#endif

/// Where a daemon's lock files are, so that the daemon and the command line agree.
///
/// Two locks: the **pid file** in the runtime folder, named after the config it serves, finds
/// the daemon of a config whatever its status file is (a reload may move that), and refuses a
/// second daemon for the same config; the **status lock** beside the status file refuses a
/// second daemon writing the same status file from another config.
public enum InstancePaths {
    /// systemd's `RuntimeDirectory=agent-presenced`, where root's daemons keep their pid files.
    public static let systemRuntimeFolder = "/run/agent-presenced"

    /// The runtime folder: `$RUNTIME_DIRECTORY` (its first entry), else `/run/agent-presenced`
    /// for root, else `$XDG_RUNTIME_DIR/agent-presenced`, else `/tmp/agent-presenced-<uid>`.
    ///
    /// Root's default is the unit's folder, so an operator's `agent-presenced reload` in a shell
    /// finds the daemon systemd runs.
    public static func runtimeFolder(environment: [String: String]) -> String {
        if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first, !runtime.isEmpty {
            return String(runtime)
        }
        if getuid() == 0 { return systemRuntimeFolder }
        if let user = environment["XDG_RUNTIME_DIR"], !user.isEmpty { return user + "/agent-presenced" }
        return "/tmp/agent-presenced-\(getuid())"
    }

    /// The pid file of the daemon serving the config at `configPath`.
    public static func pidFile(forConfig configPath: String, environment: [String: String]) -> String {
        let hash = String(StableHash.of(canonical(configPath)), radix: 16)
        let padded = String(repeating: "0", count: 16 - hash.count) + hash
        return runtimeFolder(environment: environment) + "/agent-presenced-\(padded).pid"
    }

    /// The lock beside a status file: `.status.json.lock` for `status.json`.
    public static func statusLock(forStatusFile statusPath: String) -> String {
        let url = URL(fileURLWithPath: statusPath)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".lock"
    }

    /// `path` with symbolic links and `..` resolved, so two spellings of one config are one
    /// config; the absolute path when it cannot be resolved.
    public static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
