/// Turns untrusted text (error bodies, error descriptions) into a short, one-line message.
package enum MessageText {
    /// The longest message kept.
    package static let maximumLength = 200

    /// `text` on one line, without control characters, at most ``maximumLength`` characters,
    /// with every occurrence of `secret` replaced, so a key echoed back never reaches a log.
    package static func sanitize(_ text: String, redacting secret: String) -> String {
        // The common case, a request ID on every answer: short, printable ASCII, too short to
        // hold the secret. Nothing to change, and no walk over Characters.
        let bytes = text.utf8
        if bytes.count <= maximumLength, bytes.count < secret.utf8.count || secret.count < 4,
           bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            return text
        }
        var result = text
        if secret.count >= 4 { result = result.replacing(secret, with: "[redacted]") }
        var line = ""
        var length = 0
        var lastWasSpace = false
        for character in result {
            let isSpace = character.isWhitespace || character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            if isSpace {
                if !lastWasSpace, !line.isEmpty { line.append(" "); length += 1 }
                lastWasSpace = true
            } else {
                line.append(character)
                length += 1
                lastWasSpace = false
            }
            if length > maximumLength { break }
        }
        if line.hasSuffix(" ") { line.removeLast(); length -= 1 }
        if length > maximumLength { line = String(line.prefix(maximumLength - 1)) + "…" }
        return line
    }

    /// `text` made safe like ``sanitize(_:redacting:)``, with every one of `secrets` replaced
    /// (an API key, a client secret and a token together). Secrets shorter than 4 characters
    /// are left alone, as there.
    package static func sanitize(_ text: String, redacting secrets: [String]) -> String {
        var redacted = text
        // Longest first, so a secret that holds another is replaced whole.
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret.count >= 4 {
            redacted = redacted.replacing(secret, with: "[redacted]")
        }
        return sanitize(redacted, redacting: "")
    }
}
