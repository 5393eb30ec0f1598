import Logging
import Synchronization

/// A log handler that keeps every entry, for assertions on messages and metadata.
struct RecordingLogHandler: LogHandler {
    /// One logged entry.
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    /// The entries, shared by every copy of the handler.
    final class Store: Sendable {
        let entries = Mutex<[Entry]>([])
        var all: [Entry] { entries.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let entry = Entry(level: event.level, message: "\(event.message)", metadata: metadata.merging(event.metadata ?? [:]) { $1 })
        store.entries.withLock { $0.append(entry) }
    }
}

extension Logger {
    /// A logger recording into `store`.
    static func recording(into store: RecordingLogHandler.Store) -> Logger {
        Logger(label: "test") { _ in RecordingLogHandler(store: store) }
    }
}
