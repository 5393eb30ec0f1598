/// Small text helpers for config values, without pulling Foundation into the pure core.
enum ConfigText {
    /// `text` without leading and trailing whitespace and newlines.
    static func trimmed(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// `text` quoted for an error message, cut short so a pasted blob cannot flood the log.
    static func quoted(_ text: String) -> String {
        let limit = 60
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        let escaped = shown.flatMap { $0 == "\n" ? ["\\", "n"] : [$0] as [Character] }
        return "\"" + String(escaped) + "\""
    }

    /// `path.key`, or `key` at the top level.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
