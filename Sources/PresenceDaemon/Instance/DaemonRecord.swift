import Foundation

/// What a running daemon writes into the files it holds locked: who it is and what it serves.
///
/// `agent-presenced reload` reads it to find the daemon of a config and to follow its status
/// file; a second daemon that finds the lock taken names the first one with it.
public struct DaemonRecord: Codable, Hashable, Sendable {
    /// The daemon's process ID.
    public var pid: Int32
    /// The canonical path of the config it serves.
    public var config: String
    /// The status file it writes now (a reload may move it).
    public var statusFile: String
    /// When it started (RFC 3339, UTC).
    public var startedAt: String

    enum CodingKeys: String, CodingKey {
        case pid, config
        case statusFile = "status_file"
        case startedAt = "started_at"
    }

    /// Creates a record.
    public init(pid: Int32, config: String, statusFile: String, startedAt: String) {
        self.pid = pid
        self.config = config
        self.statusFile = statusFile
        self.startedAt = startedAt
    }

    /// The record as the file holds it: one line of JSON.
    var bytes: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data([0x0A])
    }

    /// The record in `bytes`, or `nil` when they are not one (empty, or caught mid-write).
    static func decode(_ bytes: Data) -> DaemonRecord? {
        try? JSONDecoder().decode(DaemonRecord.self, from: bytes)
    }

    /// "pid 1234 (config /etc/agent-presenced/config.yaml, started 2026-11-29T21:00:00Z)".
    public var summary: String {
        "pid \(pid) (config \(config), status file \(statusFile), started \(startedAt))"
    }
}
