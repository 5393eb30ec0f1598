/// Turns untrusted text (error bodies, error descriptions) into a short, one-line message.
enum MessageText {
    /// The longest message kept.
    static let maximumLength = 200

    /// `text` on one line, without control characters, at most ``maximumLength`` characters,
    /// with every occurrence of `secret` replaced, so a key echoed back never reaches a log.
    static func sanitize(_ text: String, redacting secret: String) -> String {
        var result = text
        if secret.count >= 4 { result = result.replacing(secret, with: "[redacted]") }
        var line = ""
        var lastWasSpace = false
        for character in result {
            let isSpace = character.isWhitespace || character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            if isSpace {
                if !lastWasSpace, !line.isEmpty { line.append(" ") }
                lastWasSpace = true
            } else {
                line.append(character)
                lastWasSpace = false
            }
            if line.count > maximumLength { break }
        }
        if line.hasSuffix(" ") { line.removeLast() }
        if line.count > maximumLength { line = String(line.prefix(maximumLength - 1)) + "…" }
        return line
    }
}
