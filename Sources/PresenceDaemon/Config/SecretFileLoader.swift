import PresenceCore

/// Reads one secret (an API key, a client secret) from its file, checking it without ever
/// quoting it.
enum SecretFileLoader {
    /// Reads the secret at `path`.
    ///
    /// Surrounding whitespace (the editor's trailing newline) is dropped. What is left must be
    /// one run of visible ASCII (0x21–0x7E) without a `NAME=value` `=`: anything else (a byte
    /// order mark, a control character, a letter outside ASCII, a second line) the server would
    /// refuse on every request, so it is refused here, naming its position and kind but never the
    /// secret. A file that group or others can read is a warning, not an error: systemd
    /// credentials are private anyway, and refusing to start would take every agent offline over
    /// a permission bit.
    /// - Parameter keyPath: The config key the issues name (`bots.helpbot.api_key_file`).
    /// - Throws: `ConfigError` with one issue located at the file; the message never holds the secret.
    static func load(path: String, keyPath: String, kind: SecretFileKind) throws(ConfigError) -> (secret: String, warnings: [String]) {
        let file: TextFile
        switch TextFileReader.contents(of: path, sizeLimit: TextFileReader.keySizeLimit) {
        case .success(let read): file = read
        case .failure(let problem): throw failure(path, keyPath, "the \(kind.noun) file \(problem.message)")
        }
        let secret = trimmed(file.text)
        if secret.isEmpty { throw failure(path, keyPath, "the \(kind.noun) file is empty") }
        if secret.contains(where: \.isNewline) {
            throw failure(path, keyPath, "the \(kind.noun) file holds more than one line; it must hold the \(kind.short) alone")
        }
        if let problem = problem(in: secret, of: file.text, kind: kind) { throw failure(path, keyPath, problem) }
        var warnings: [String] = []
        if file.permissions & 0o077 != 0 {
            let mode = String(file.permissions, radix: 8)
            warnings.append("the \(kind.noun) file \(path) can be read by group or others (mode 0\(mode)); "
                + "run chmod 600 on it or use a systemd credential")
        }
        return (String(secret), warnings)
    }

    /// Why `secret`, a one-line slice of the file's `text`, cannot be used; `nil` if it can.
    ///
    /// Positions count characters (Unicode scalars) from 1 at the start of the file.
    private static func problem(in secret: Substring, of text: String, kind: SecretFileKind) -> String? {
        func position(_ index: String.Index) -> Int {
            text.unicodeScalars.distance(from: text.startIndex, to: index) + 1
        }
        let scalars = secret.unicodeScalars
        if let equals = scalars.firstIndex(of: "="),
           !kind.allowsPadding || scalars[equals...].contains(where: { $0 != "=" }) {
            return "the \(kind.noun) file looks like a NAME=value line (\"=\" at character \(position(equals))); "
                + "it must hold the value alone, without a name"
        }
        guard let index = scalars.firstIndex(where: { !(0x21...0x7E).contains($0.value) }) else { return nil }
        let scalar = scalars[index]
        if scalar == " " {
            return "the \(kind.noun) in this file contains a space at character \(position(index)); "
                + "it must hold the \(kind.short) alone"
        }
        var message = "the \(kind.noun) in this file contains \(characterKind(of: scalar)) at character \(position(index)); "
            + "a \(kind.short) is visible ASCII characters only"
        if scalar == "\u{FEFF}" { message += " (save the file without a byte order mark)" }
        return message
    }

    /// What kind of character `scalar` is, with its code point: `a control character (U+0000)`.
    private static func characterKind(of scalar: Unicode.Scalar) -> String {
        let code = codePoint(scalar)
        switch scalar.value {
        case 0xFEFF: return "a byte order mark (\(code))"
        case 0x09: return "a tab (\(code))"
        case 0x00...0x1F, 0x7F...0x9F: return "a control character (\(code))"
        default: break
        }
        if scalar.properties.isWhitespace { return "a non-ASCII space (\(code))" }
        if scalar.properties.generalCategory == .format { return "an invisible formatting character (\(code))" }
        return "a non-ASCII character (\(code))"
    }

    /// `U+00E9`: at least four upper-case hex digits.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func failure(_ path: String, _ keyPath: String, _ message: String) -> ConfigError {
        ConfigError([ConfigIssue(location: ConfigLocation(file: path), keyPath: keyPath, message: message)])
    }

    private static func trimmed(_ text: String) -> Substring {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[start...end]
    }
}
