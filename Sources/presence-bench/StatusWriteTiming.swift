import Foundation
import PresenceCore
import PresenceDaemon

/// The cost of one status-file update at a roster size, measured in-process with the daemon's
/// own code: ``StatusSnapshot`` (taken on the scheduler's queue) and
/// ``StatusFileWriter/writeNow(_:)`` (entries, encoding, temporary file, fsync, rename).
struct StatusWriteTiming: Sendable {
    /// Median time to take the snapshot of the records, milliseconds.
    var buildMilliseconds: Double
    /// Median time to turn it into JSON and write it atomically, milliseconds.
    var writeMilliseconds: Double
    /// The file's size, bytes.
    var bytes: Int

    /// Measures `repetitions` updates of `scenario`'s roster, every agent online, in `folder`.
    /// In the `accounts:` form each entry names its account (the accounts' own section, a
    /// line per account, is left out).
    static func measure(_ scenario: BenchScenario, folder: String, repetitions: Int = 5) throws -> StatusWriteTiming {
        let clock = DispatchClock()
        let now = clock.now
        let interval = Duration.seconds(60)
        let schedule = PingSchedule(origin: now, interval: interval, jitter: .seconds(2))
        let records: [AgentRecord] = (0..<scenario.agents).map { index in
            let spec = AgentSpec(
                identity: .id(BenchWorkspace.agentID(index)), label: index.isMultiple(of: 10) ? "Agent \(index)" : nil,
                account: scenario.accountName(ofAgent: index)
            )
            var record = AgentRecord(spec: spec, phase: schedule.phase(of: spec.key))
            record.recordAttempt(at: now - .seconds(1))
            _ = record.record(.success(), at: now - .milliseconds(990), window: .seconds(120))
            record.nextPingAt = now + .seconds(59)
            return record
        }
        let path = folder + "/status-timing.json"
        let writer = StatusFileWriter(path: path)
        var builds: [Double] = []
        var writes: [Double] = []
        for _ in 0..<repetitions {
            let start = MonotonicSeconds.now()
            let snapshot = StatusSnapshot(
                records: records, window: .seconds(120), clock: clock, pid: getpid(),
                config: .init(path: folder + "/config.yaml", generation: 1, loadedAt: RFC3339.string(from: Date()), lastReloadError: nil)
            )
            let built = MonotonicSeconds.now()
            try writer.writeNow(snapshot)
            let written = MonotonicSeconds.now()
            builds.append((built - start) * 1000)
            writes.append((written - built) * 1000)
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        try? FileManager.default.removeItem(atPath: path)
        return StatusWriteTiming(buildMilliseconds: medianValue(builds), writeMilliseconds: medianValue(writes), bytes: size)
    }
}
