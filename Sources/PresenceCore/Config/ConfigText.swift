/// Small text helpers for config values, without pulling Foundation into the pure core.
enum ConfigText {
    /// `text` without leading and trailing whitespace and newlines.
    static func trimmed(_ text: String) -> String {
        // Nearly every value has nothing to trim; checking two bytes spares a Unicode walk.
        if let first = text.utf8.first, let last = text.utf8.last,
           isVisibleASCII(first), isVisibleASCII(last) { return text }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// Whether `text` holds whitespace of any kind.
    static func containsWhitespace(_ text: String) -> Bool {
        if text.utf8.allSatisfy(isVisibleASCII) { return false }
        return text.contains(where: \.isWhitespace)
    }

    /// Whether `text` starts with the ASCII `prefix`, ignoring ASCII case.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next(), asciiLowercased(byte) == asciiLowercased(expected) else { return false }
        }
        return true
    }

    /// A printable ASCII character other than the space.
    private static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
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
