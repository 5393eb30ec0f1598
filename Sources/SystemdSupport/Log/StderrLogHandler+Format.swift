import Logging

extension StderrLogHandler {
    /// One complete line, newline included; metadata sorted by key for stable output.
    static func line(
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata,
        style: StderrLineStyle
    ) -> String {
        var line: String
        switch style {
        case .levelWord: line = label.isEmpty ? "\(level) " : "\(level) \(OneLineText.sanitize(label)): "
        case .priorityPrefix:
            let priority = SyslogPriority.value(for: level)
            line = label.isEmpty ? "<\(priority)>" : "<\(priority)>\(OneLineText.sanitize(label)): "
        }
        line += OneLineText.sanitize(message)
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            line += " \(formattedKey(key))=\(formattedValue(value.description))"
        }
        return line + "\n"
    }

    /// Keys without spaces or `=`, so `key=value` pairs split unambiguously.
    static func formattedKey(_ key: String) -> String {
        let flat = OneLineText.sanitize(key)
        let safe = String(flat.map { $0 == " " || $0 == "=" ? "_" : $0 })
        return safe.isEmpty ? "_" : safe
    }

    /// One-line values, quoted (with `"` and `\` escaped) when empty or holding spaces, quotes or `=`.
    static func formattedValue(_ value: String) -> String {
        let flat = OneLineText.sanitize(value)
        let needsQuotes = flat.isEmpty || flat.contains { $0 == " " || $0 == "\"" || $0 == "=" }
        guard needsQuotes else { return flat }
        var quoted = "\""
        for character in flat {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
