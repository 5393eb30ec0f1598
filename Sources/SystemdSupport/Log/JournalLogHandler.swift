import Logging

/// A swift-log handler writing native journal entries (`sd_journal_sendv`) with `MESSAGE`,
/// `PRIORITY`, `SYSLOG_IDENTIFIER`, `CODE_*`, `MESSAGE_ID` for ``PresenceEvent``s, and every
/// metadata key as an upper-case field (see ``JournalFields``).
///
/// The handler writes what it is given: callers must never put secrets (API keys, credentials)
/// into messages or metadata.
public struct JournalLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// The `SYSLOG_IDENTIFIER` of every entry.
    public let identifier: String
    /// The minimum level logged.
    public var logLevel: Logger.Level
    /// Metadata attached to every entry from this handler.
    public var metadata: Logger.Metadata
    /// Contextual metadata added at each log call.
    public var metadataProvider: Logger.MetadataProvider?
    private let sink: JournalSink

    /// Creates a handler; `sink` defaults to the system journal.
    public init(
        label: String,
        identifier: String = JournalFields.defaultIdentifier,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider,
        sink: JournalSink = .systemJournal
    ) {
        self.label = label
        self.identifier = identifier
        self.logLevel = level
        self.metadata = [:]
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    /// Gets or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Builds the entry's fields and hands them to the sink.
    public func log(event: LogEvent) {
        let merged = EffectiveMetadata.merge(handler: metadata, provider: metadataProvider, event: event)
        sink.write(JournalFields.build(
            level: event.level,
            message: event.message.description,
            metadata: merged,
            file: event.file,
            function: event.function,
            line: event.line,
            identifier: identifier
        ))
    }
}
