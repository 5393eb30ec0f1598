import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `agent-presenced` binary as a child process.
enum DaemonBinary {
    /// The binary next to the test bundle (both live in the build folder).
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["AGENT_PRESENCED_BINARY"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundle.appendingPathComponent("agent-presenced")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/agent-presenced")
    }

    /// The result of a finished command.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the binary with `arguments`; stdout and stderr go to the returned pipes.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "AGENT_PRESENCED_CONFIG", "CREDENTIALS_DIRECTORY", "RUNTIME_DIRECTORY", "MAINPID"] {
            env[name] = nil
        }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs the binary to completion; after `timeout` it is killed (a `run` that should have
    /// refused to start must fail its test, not hang the suite) and the status is `SIGKILL`'s.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
