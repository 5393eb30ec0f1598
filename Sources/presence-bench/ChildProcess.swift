import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process the bench started; killed at the latest when the bench cleans up.
final class ChildProcess: @unchecked Sendable {
    /// The program's name, for messages.
    let name: String
    private let process: Process

    /// Starts `executable` with `arguments`; stdout and stderr go to `outputPath`.
    ///
    /// The systemd variables of the bench's own environment are removed; `environment` adds to
    /// what remains.
    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:], outputPath: String) throws {
        self.name = name
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for variable in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "AGENT_PRESENCED_CONFIG", "CREDENTIALS_DIRECTORY", "RUNTIME_DIRECTORY", "LISTEN_FDS", "LISTEN_PID"] {
            env[variable] = nil
        }
        env.merge(environment) { $1 }
        process.environment = env
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? output.close()
        ChildRegistry.shared.add(process.processIdentifier)
    }

    /// The child's process ID.
    var pid: Int32 { process.processIdentifier }

    /// Whether the child is still running.
    var isRunning: Bool { process.isRunning }

    /// Sends `signal` to the child if it still runs.
    func signal(_ number: Int32) {
        if process.isRunning { kill(pid, number) }
    }

    /// Sends SIGTERM and waits up to `grace` for the exit, then SIGKILL; returns the exit status.
    @discardableResult
    func stop(grace: Duration = .seconds(15)) -> Int32 {
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = ContinuousClock.now + grace
            while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
            if process.isRunning {
                kill(pid, SIGKILL)
                process.waitUntilExit()
            }
        }
        process.waitUntilExit()
        ChildRegistry.shared.remove(pid)
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
    }
}

/// Every child still running, so an interrupted bench (SIGINT, SIGTERM, a thrown error) can
/// kill them all before it exits.
final class ChildRegistry: @unchecked Sendable {
    /// The process-wide registry.
    static let shared = ChildRegistry()

    private let lock = NSLock()
    private var pids: Set<Int32> = []

    func add(_ pid: Int32) {
        lock.withLock { _ = pids.insert(pid) }
    }

    func remove(_ pid: Int32) {
        lock.withLock { _ = pids.remove(pid) }
    }

    /// Sends SIGKILL to every child still registered.
    func killAll() {
        let running = lock.withLock { pids }
        for pid in running { kill(pid, SIGKILL) }
    }

    /// Kills the children when the bench itself gets SIGINT or SIGTERM, then exits.
    func killOnSignals() {
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in
                ChildRegistry.shared.killAll()
                _exit(128 + received)
            }
        }
    }
}
