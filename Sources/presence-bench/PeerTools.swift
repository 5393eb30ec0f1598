import Foundation

/// What `--peer` runs besides the daemon: the reference pinger (the system's Python 3 with
/// aiohttp, and the script kept in this target's `peer` folder) and Debian's `wrk`.
struct PeerTools: Sendable {
    /// The Debian interpreter, which has `python3-aiohttp` (not whatever `python3` is on `PATH`).
    static let python = "/usr/bin/python3"

    /// `wrk`, found on `PATH`.
    var wrk: String
    /// `peer_pinger.py`.
    var script: String

    /// Finds the tools, or fails naming the Debian package that is missing.
    static func locate() throws -> PeerTools {
        guard let wrk = MeasuredCommand.which("wrk") else {
            throw BenchError("--peer needs wrk on PATH (Debian package wrk)")
        }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw BenchError("--peer needs \(python) (Debian package python3)")
        }
        let check = try MeasuredCommand.run(python, ["-c", "import aiohttp"], outputPath: "/dev/null")
        guard check.exitStatus == 0 else {
            throw BenchError("--peer needs aiohttp for \(python) (Debian package python3-aiohttp)")
        }
        // The script is not a build product: it is read from the source tree the bench was built from.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("peer/peer_pinger.py").path
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchError("--peer needs the reference pinger at \(script) (the repository's Sources/presence-bench/peer)")
        }
        return PeerTools(wrk: wrk, script: script)
    }
}
