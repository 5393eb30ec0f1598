import Dispatch
import Foundation
import PresenceCore

/// Encodes status snapshots and writes them atomically, off the scheduler's loop.
///
/// Writes are serialised on the writer's own queue; when writes pile up (a slow disk), only
/// the newest pending snapshot is written. The JSON is streamed into the temporary file, so
/// a write holds one chunk of it in memory, whatever the roster's size.
public final class StatusFileWriter: @unchecked Sendable {
    /// Where the status file goes.
    public let path: String
    private let queue = DispatchQueue(label: "agent-presenced.status-writer", qos: .utility)
    private let lock = NSLock()
    private var pending: StatusSnapshot?
    /// The last queued write's entries, for the next one; used on ``queue`` only.
    private var cache: StatusEntryCache? = StatusEntryCache()

    /// Creates a writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// Encodes a document as the status file's bytes (compact JSON, one trailing newline).
    ///
    /// A hand-written encoder (``StatusJSONEncoder``) with the same keys as the `Codable`
    /// conformance: `JSONEncoder` took most of a second at 100,000 agents.
    public static func encode(_ document: StatusDocument) -> Data {
        Data(StatusJSONEncoder.encode(document))
    }

    /// Encodes a snapshot as the status file's bytes.
    public static func encode(_ snapshot: StatusSnapshot) -> Data {
        Data(StatusJSONEncoder.encode(snapshot))
    }

    /// Writes `snapshot` now, on the caller's thread.
    public func writeNow(_ snapshot: StatusSnapshot) throws {
        var noCache: StatusEntryCache?
        try write(snapshot, cache: &noCache)
    }

    /// Writes `document` now, on the caller's thread.
    public func writeNow(_ document: StatusDocument) throws {
        try writeNow(content: document)
    }

    // Generic inside this module only, so callers elsewhere get the specialised encoder.
    private func writeNow(content: some StatusContent) throws {
        try AtomicFile.write(to: path, checkingBeforeReplace: Self.refuseForeignFile) { write in
            try StatusJSONEncoder.stream(content, to: write)
        }
    }

    /// Writes `snapshot` now, reusing and then replacing `cache`'s entries (none when `nil`).
    private func write(_ snapshot: StatusSnapshot, cache: inout StatusEntryCache?) throws {
        try AtomicFile.write(to: path, checkingBeforeReplace: Self.refuseForeignFile) { write in
            try StatusJSONEncoder.stream(snapshot, cache: &cache, to: write)
        }
    }

    /// Throws when `path` holds something other than a status document: a misconfigured
    /// `status_file` must never destroy the file it points at.
    static func refuseForeignFile(_ path: String) throws {
        if let problem = StatusFileGuard.problem(replacing: path) {
            throw AtomicFile.WriteError(step: "replace", path: path, reason: "refused: " + problem)
        }
    }

    /// Removes the status file, if it is one of ours (a reload moved it elsewhere).
    public func removeFile() {
        guard FileManager.default.fileExists(atPath: path), StatusFileGuard.problem(replacing: path) == nil else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Queues `snapshot` for writing; `completion` gets the error (`nil` on success) and how
    /// long the write took.
    ///
    /// Queued writes reuse the previous one's entries of unchanged agents (``StatusEntryCache``).
    public func write(_ snapshot: StatusSnapshot, completion: @escaping @Sendable ((any Error)?, Duration) -> Void) {
        lock.lock()
        let alreadyQueued = pending != nil
        pending = snapshot
        lock.unlock()
        guard !alreadyQueued else { return }
        queue.async { [self] in
            lock.lock()
            let latest = pending
            pending = nil
            lock.unlock()
            guard let latest else { return }
            let started = ContinuousClock.now
            do {
                try write(latest, cache: &cache)
                completion(nil, ContinuousClock.now - started)
            } catch {
                completion(error, ContinuousClock.now - started)
            }
        }
    }

    /// Waits until every queued write has finished.
    public func flush() {
        queue.sync {}
    }
}
