import Dispatch
import Foundation
import PresenceCore

/// Encodes status documents and writes them atomically, off the scheduler's queue.
///
/// Writes are serialised on the writer's own queue; when writes pile up (a slow disk), only
/// the newest pending document is written.
public final class StatusFileWriter: @unchecked Sendable {
    /// Where the status file goes.
    public let path: String
    private let queue = DispatchQueue(label: "agent-presenced.status-writer", qos: .utility)
    private let lock = NSLock()
    private var pending: StatusDocument?

    /// Creates a writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// Encodes a document as the status file's bytes (compact JSON, one trailing newline).
    ///
    /// A hand-written encoder (``StatusJSONEncoder``) with the same keys as the `Codable`
    /// conformance: `JSONEncoder` took most of a second at 100,000 agents.
    public static func encode(_ document: StatusDocument) throws -> Data {
        Data(StatusJSONEncoder.encode(document))
    }

    /// Writes `document` now, on the caller's thread.
    public func writeNow(_ document: StatusDocument) throws {
        try AtomicFile.write(try Self.encode(document), to: path)
    }

    /// Queues `document` for writing; `completion` gets the error, or `nil` on success.
    public func write(_ document: StatusDocument, completion: @escaping @Sendable ((any Error)?) -> Void) {
        lock.lock()
        let alreadyQueued = pending != nil
        pending = document
        lock.unlock()
        guard !alreadyQueued else { return }
        queue.async { [self] in
            lock.lock()
            let latest = pending
            pending = nil
            lock.unlock()
            guard let latest else { return }
            do {
                try writeNow(latest)
                completion(nil)
            } catch {
                completion(error)
            }
        }
    }

    /// Waits until every queued write has finished.
    public func flush() {
        queue.sync {}
    }
}
