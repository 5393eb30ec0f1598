import Logging

/// A factory for `LoggingSystem.bootstrap` that makes handlers for `target`.
///
/// Usage: `LoggingSystem.bootstrap(makeLogHandlerFactory(target: .automatic()))`. Whatever the
/// target, callers must never log secrets: handlers write messages and metadata as given.
public func makeLogHandlerFactory(
    target: LogTarget,
    identifier: String = JournalFields.defaultIdentifier,
    level: Logger.Level = .info
) -> @Sendable (String) -> any LogHandler {
    switch target {
    case .journal:
        return { label in JournalLogHandler(label: label, identifier: identifier, level: level) }
    case .stderr:
        // The style is decided once, not per handler: stderr does not change while running.
        let style = StderrLineStyle.automatic()
        return { label in StderrLogHandler(label: label, level: level, style: style) }
    }
}
