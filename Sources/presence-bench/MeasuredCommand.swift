import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A short-lived command run to its end with `posix_spawn` and reaped with `wait4`, so that its
/// whole CPU time (user + system, all threads) comes from the kernel's `rusage` of the child
/// rather than from a `/proc` sample that would race its exit.
struct MeasuredCommand {
    /// The exit status (or 128 + the signal that ended it).
    var exitStatus: Int32
    /// User + system CPU of the child, seconds.
    var cpuSeconds: Double
    /// Wall time from spawn to reaping, seconds.
    var wallSeconds: Double
    /// What it wrote to stdout and stderr.
    var output: String

    /// Runs `executable` with `arguments` (never secrets: they show in `ps`); stdout and stderr
    /// go to `outputPath`, stdin is `/dev/null`. Blocks until the command exits.
    static func run(_ executable: String, _ arguments: [String], outputPath: String) throws -> MeasuredCommand {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = MonotonicSeconds.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        ChildRegistry.shared.add(pid)
        defer { ChildRegistry.shared.remove(pid) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 for \(executable) failed: errno \(errno)") }
        }
        let wall = MonotonicSeconds.now() - started
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the macros are not imported.
        let signalled = status & 0x7F
        let exitStatus = signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return MeasuredCommand(
            exitStatus: exitStatus, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), wallSeconds: wall, output: text
        )
    }

    /// The full path of `name` on `PATH`, or `nil`.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
