/// Turns arbitrary text into a single bounded line.
///
/// sd_notify's `STATUS=` and stderr log lines are line-oriented: a stray newline would start a new
/// assignment or a new log entry, so every control character becomes a space.
public enum OneLineText {
    /// The default bound for `STATUS=` values, in characters (`systemctl status` shows one line).
    public static let defaultStatusLimit = 256

    /// Returns `text` with control and line-separator characters replaced by spaces, trimmed, and
    /// (when `maxCharacters` is given) cut to at most that many characters, ending in "…" if cut.
    public static func sanitize(_ text: String, maxCharacters: Int? = nil) -> String {
        var line = String()
        line.reserveCapacity(text.utf8.count)
        for character in text {
            line.append(isLineBreaking(character) ? " " : character)
        }
        let trimmed = trimSpaces(line)
        guard let limit = maxCharacters, limit > 0, trimmed.count > limit else { return trimmed }
        return String(trimmed.prefix(limit - 1)) + "…"
    }

    /// Control characters (C0, DEL, C1) and Unicode line/paragraph separators.
    private static func isLineBreaking(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
            default: false
            }
        }
    }

    private static func trimSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(scalars[first...last])
    }
}
