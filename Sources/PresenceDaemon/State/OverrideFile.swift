import Foundation
import PresenceCore

/// The overrides file's format (version 1): `{"version":1,"overrides":[{"key",…}]}`, times in
/// RFC 3339 UTC like the status file, entries in key order so the file diffs cleanly.
struct OverrideFile: Codable {
    /// One agent's override.
    struct Entry: Codable {
        var key: String
        var mode: String
        var until: String?
        var reason: String?
        var setAt: String

        enum CodingKeys: String, CodingKey {
            case key, mode, until, reason
            case setAt = "set_at"
        }
    }

    /// Why a parsed file cannot be used.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    var version: Int
    var overrides: [Entry]

    init(_ overrides: [AgentKey: PresenceOverride]) {
        version = 1
        self.overrides = overrides.sorted { $0.key < $1.key }.map { key, override in
            Entry(key: key.rawValue, mode: override.mode.rawValue, until: override.until.map(RFC3339.string(from:)),
                  reason: override.reason, setAt: RFC3339.string(from: override.setAt))
        }
    }

    /// The overrides, by agent.
    func decoded() throws -> [AgentKey: PresenceOverride] {
        guard version == 1 else { throw Problem(description: "unknown version \(version)") }
        var result: [AgentKey: PresenceOverride] = [:]
        for entry in overrides {
            guard let mode = PresenceOverride.Mode(rawValue: entry.mode) else {
                throw Problem(description: "unknown mode \"\(entry.mode)\" for \(entry.key)")
            }
            guard let setAt = RFC3339.date(from: entry.setAt) else {
                throw Problem(description: "bad set_at \"\(entry.setAt)\" for \(entry.key)")
            }
            var until: Date?
            if let text = entry.until {
                guard let date = RFC3339.date(from: text) else { throw Problem(description: "bad until \"\(text)\" for \(entry.key)") }
                until = date
            }
            result[AgentKey(entry.key)] = PresenceOverride(mode: mode, until: until, reason: entry.reason, setAt: setAt)
        }
        return result
    }

    /// The file's bytes, one trailing newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
