import Logging

/// Merges the metadata sources of one log call, as swift-log's own handlers do: handler metadata,
/// overridden by the metadata provider, overridden by the call's metadata; an attached error
/// becomes `error.message` and `error.type`.
enum EffectiveMetadata {
    static func merge(
        handler: Logger.Metadata,
        provider: Logger.MetadataProvider?,
        event: LogEvent
    ) -> Logger.Metadata {
        var merged = handler
        if let provided = provider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, new in new }
        }
        if let error = event.error {
            merged["error.message"] = .string("\(error)")
            merged["error.type"] = .string(String(reflecting: type(of: error)))
        }
        return merged
    }
}
