import Logging

/// A swift-log handler writing one line per entry to stderr:
/// `<level> label: message key=value …` (or `<N>label: …` as ``StderrLineStyle/priorityPrefix``).
///
/// Messages and metadata are made one line each, so an entry never spans lines. The handler
/// writes what it is given: callers must never put secrets (API keys, credentials) into messages
/// or metadata.
public struct StderrLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// How the level is shown.
    public let style: StderrLineStyle
    /// The minimum level logged.
    public var logLevel: Logger.Level
    /// Metadata attached to every entry from this handler.
    public var metadata: Logger.Metadata
    /// Contextual metadata added at each log call.
    public var metadataProvider: Logger.MetadataProvider?
    private let writer: LineWriter

    /// Creates a handler; by default it picks the `<N>` style when stderr is the journal stream
    /// and writes with write(2) to stderr.
    public init(
        label: String,
        level: Logger.Level = .info,
        style: StderrLineStyle = .automatic(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider,
        writer: LineWriter = .standardError
    ) {
        self.label = label
        self.style = style
        self.logLevel = level
        self.metadata = [:]
        self.metadataProvider = metadataProvider
        self.writer = writer
    }

    /// Gets or sets one metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats the entry as one line and writes it.
    public func log(event: LogEvent) {
        let merged = EffectiveMetadata.merge(handler: metadata, provider: metadataProvider, event: event)
        writer.write(Self.line(
            level: event.level,
            label: label,
            message: event.message.description,
            metadata: merged,
            style: style
        ))
    }
}
