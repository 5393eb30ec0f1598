import Foundation
import PresenceCore

/// The run-time overrides on disk, so they outlive a restart: one small JSON file under the
/// state directory, replaced atomically on every change.
///
/// A file that cannot be read or parsed at start is moved aside (`overrides.json.corrupt-…`)
/// and the daemon starts without it: a damaged file must not keep agents offline, nor stop the
/// service.
public struct OverrideStore: Sendable {
    /// The file's path.
    public let path: String

    /// What reading the file found.
    public enum Loaded: Sendable {
        /// No file: nothing was overridden.
        case none
        /// The overrides kept in the file, by agent.
        case overrides([AgentKey: PresenceOverride])
        /// The file could not be read or parsed; it was moved to `movedTo` when that worked.
        case unusable(reason: String, movedTo: String?)
    }

    /// Creates the store at `path`.
    public init(path: String) {
        self.path = path
    }

    /// Reads the overrides kept by an earlier run.
    public func load() -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let file = try JSONDecoder().decode(OverrideFile.self, from: data)
            return .overrides(try file.decoded())
        } catch {
            let reason = (error as? OverrideFile.Problem)?.description ?? Self.describe(error)
            return .unusable(reason: reason, movedTo: moveAside())
        }
    }

    /// Replaces the file with `overrides`; removes it when there are none.
    public func save(_ overrides: [AgentKey: PresenceOverride]) throws {
        if overrides.isEmpty {
            if unlink(path) != 0, errno != ENOENT {
                throw AtomicFile.WriteError(step: "remove", path: path, reason: String(cString: strerror(errno)))
            }
            return
        }
        AtomicFile.prepareFolder(of: path)
        try AtomicFile.write(OverrideFile(overrides).encoded(), to: path, mode: 0o644)
    }

    private func moveAside() -> String? {
        let stamp = RFC3339.string(from: Date()).replacingOccurrences(of: ":", with: "")
        let target = "\(path).corrupt-\(stamp)"
        return rename(path, target) == 0 ? target : nil
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "not JSON: \(context.debugDescription)"
        case let error as DecodingError: "not an overrides file: \(error)"
        default: "unreadable: \(error.localizedDescription)"
        }
    }
}
