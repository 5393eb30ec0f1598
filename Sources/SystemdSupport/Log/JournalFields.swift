import Logging

/// Builds the fields of one native journal entry. Pure: the I/O is ``JournalSink``'s.
///
/// Order: `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`,
/// `MESSAGE_ID` (when `metadata["event"]` names a ``PresenceEvent``), then the metadata sorted by
/// key under their ``JournalFieldName/sanitize(_:)`` names, so `event` stays as `EVENT=`.
/// Metadata keys that would land on one of the fields above get an `F_` prefix instead of
/// overriding it. Keys that sanitise to nothing are skipped; two keys that sanitise to the same
/// name both appear (journald keeps repeated fields).
public enum JournalFields {
    /// The default `SYSLOG_IDENTIFIER`.
    public static let defaultIdentifier = "agent-presenced"

    /// Field names this builder writes itself; metadata cannot override them.
    static let reserved: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
        "MESSAGE_ID", "SYSLOG_FACILITY", "SYSLOG_PID", "SYSLOG_TIMESTAMP", "SYSLOG_RAW",
    ]

    /// The entry's fields; values are passed whole, whatever their size.
    public static func build(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        file: String,
        function: String,
        line: UInt,
        identifier: String = defaultIdentifier
    ) -> [JournalField] {
        var fields: [JournalField] = [
            JournalField(name: "MESSAGE", text: message),
            JournalField(name: "PRIORITY", text: String(SyslogPriority.value(for: level))),
            JournalField(name: "SYSLOG_IDENTIFIER", text: identifier),
            JournalField(name: "CODE_FILE", text: file),
            JournalField(name: "CODE_LINE", text: String(line)),
            JournalField(name: "CODE_FUNC", text: function),
        ]
        if let value = metadata[PresenceEvent.metadataKey],
           let event = PresenceEvent(metadataValue: value) {
            fields.append(JournalField(name: "MESSAGE_ID", text: event.messageID))
        }
        for key in metadata.keys.sorted() {
            guard let name = fieldName(forMetadataKey: key), let value = metadata[key] else { continue }
            fields.append(JournalField(name: name, text: value.description))
        }
        return fields
    }

    /// The field name for a metadata key: sanitised, and moved aside if it is reserved.
    static func fieldName(forMetadataKey key: String) -> String? {
        guard let name = JournalFieldName.sanitize(key) else { return nil }
        guard reserved.contains(name) else { return name }
        return String(("F_" + name).prefix(JournalFieldName.maxLength))
    }
}
