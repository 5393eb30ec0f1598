import BrevoStandIn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with a daemon prepared by `DaemonUnderTest`, and always tears it down (kills the
/// daemon if it still runs, stops the stand-in), also when `body` throws.
func withDaemon(
    agents: String, extra: String = "", otherKeys: [String] = [], _ body: (DaemonUnderTest) async throws -> Void
) async throws {
    let daemon = try await DaemonUnderTest(agents: agents, extra: extra, otherKeys: otherKeys)
    do {
        try await body(daemon)
    } catch {
        await daemon.tearDown()
        throw error
    }
    await daemon.tearDown()
}

extension DaemonUnderTest {
    /// The status file's `config` object.
    func statusConfig() -> [String: Any]? {
        statusJSON()?["config"] as? [String: Any]
    }

    /// The status file's `config.generation`.
    var generation: Int? {
        statusConfig()?["generation"] as? Int
    }

    /// The status file's agent entry whose `id` is `id`.
    func statusAgent(id: String) -> [String: Any]? {
        (statusJSON()?["agents"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    /// Waits (bounded) until the status file exists and satisfies `condition`.
    func waitForStatus(timeout: Duration = .seconds(20), _ condition: ([String: Any]) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let json = statusJSON(), condition(json) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Starts the daemon and waits (bounded) for `READY=1` and the first status file.
    func startAndWaitForStatus() throws -> Bool {
        guard try start() != nil else { return false }
        return waitForStatus { _ in true }
    }

    /// Runs `agent-presenced reload --config <this config>` with `arguments` appended.
    func runReload(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> DaemonBinary.Result {
        try DaemonBinary.run(["reload", "--config", configPath] + arguments, environment: self.environment(environment))
    }

    /// Sends SIGTERM and waits (bounded) for the exit; returns the exit status, or `nil` when the
    /// daemon is still running at the deadline (`tearDown` then kills it).
    func stopWithin(_ timeout: Duration = .seconds(20)) -> Int32? {
        guard let process else { return nil }
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Arrival times (CLOCK_MONOTONIC, ns) of the stand-in's requests for `agent`.
    func pingTimes(_ agent: String) -> [UInt64] {
        standIn.requests.filter { $0.agent == agent }.map(\.monotonicNanoseconds)
    }
}

extension NotifySocket {
    /// Reads every datagram that arrives within `duration`; returns everything received so far.
    func drain(for duration: Duration) -> [String] {
        _ = waitFor(timeout: duration) { _ in false }
        return received
    }
}

/// The `MONOTONIC_USEC=` value of a `RELOADING=1` datagram, in nanoseconds.
func monotonicNanoseconds(ofReloading message: String) -> UInt64? {
    message.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
        .flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
        .map { $0 * 1_000 }
}

/// Gaps between consecutive times, in seconds.
func gapsInSeconds(_ times: [UInt64]) -> [Double] {
    zip(times, times.dropFirst()).map { Double($1 - $0) / 1e9 }
}
