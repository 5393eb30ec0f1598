import PresenceCore

/// Reads the Brevo API key from its file, checking it without ever quoting it.
public enum APIKeyLoader {
    /// The key path key issues name in the one-account form.
    public static let keyPath = "brevo.api_key_file"

    /// Reads the key at `path`.
    ///
    /// Surrounding whitespace (the editor's trailing newline) is dropped. What is left must be
    /// one run of visible ASCII (0x21–0x7E) without `=`: anything else (a byte order mark, a
    /// control character, a letter outside ASCII, a `NAME=value` line) Brevo would refuse on
    /// every ping, so it is refused here, naming its position and kind but never the key.
    /// A key file that group or others can read is a warning, not an error: systemd credentials
    /// are private anyway, and refusing to start would take every agent offline over a permission bit.
    /// - Returns: The key and any warnings.
    /// - Parameter keyPath: The config key the issues name (`accounts.acme.api_key_file`).
    /// - Throws: `ConfigError` with one issue located at the key file; the message never holds the key.
    public static func load(path: String, keyPath: String = keyPath) throws(ConfigError) -> (key: APIKey, warnings: [String]) {
        let file: TextFile
        switch TextFileReader.contents(of: path, sizeLimit: TextFileReader.keySizeLimit) {
        case .success(let read): file = read
        case .failure(let problem): throw failure(path, keyPath, "the API key file \(problem.message)")
        }
        let key = trimmed(file.text)
        if key.isEmpty { throw failure(path, keyPath, "the API key file is empty") }
        if key.contains(where: \.isNewline) {
            throw failure(path, keyPath, "the API key file holds more than one line; it must hold the key alone")
        }
        if let problem = problem(in: key, of: file.text) { throw failure(path, keyPath, problem) }
        var warnings: [String] = []
        if file.permissions & 0o077 != 0 {
            let mode = String(file.permissions, radix: 8)
            warnings.append("the API key file \(path) can be read by group or others (mode 0\(mode)); "
                + "run chmod 600 on it or use a systemd credential")
        }
        return (APIKey(secret: String(key)), warnings)
    }

    /// The error when an account names no key file and systemd passed no credential for it;
    /// `account` is `nil` in the one-account form.
    static func missingKeyIssue(configFile: String, line: Int?, account: String?, keyPath: String) -> ConfigIssue {
        let credential = ConfigPaths.apiKeyCredentialName(account: account)
        let message = account.map {
            "no API key for account \($0): set \(keyPath), or run under systemd with "
                + "LoadCredential=\(ConfigPaths.apiKeyCredentialName):<folder> holding a file named \($0) "
                + "(systemd passes it as the credential \(credential))"
        } ?? "no API key: set brevo.api_key_file or run under systemd with LoadCredential=\(credential):..."
        return ConfigIssue(location: ConfigLocation(file: configFile, line: line), keyPath: keyPath, message: message)
    }

    /// Why `key`, a one-line slice of the file's `text`, cannot be an API key; `nil` if it can.
    ///
    /// Positions count characters (Unicode scalars) from 1 at the start of the file.
    private static func problem(in key: Substring, of text: String) -> String? {
        func position(_ index: String.Index) -> Int {
            text.unicodeScalars.distance(from: text.startIndex, to: index) + 1
        }
        let scalars = key.unicodeScalars
        if let equals = scalars.firstIndex(of: "=") {
            return "the API key file looks like a NAME=value line (\"=\" at character \(position(equals))); "
                + "it must hold the value alone, without a name"
        }
        guard let index = scalars.firstIndex(where: { !(0x21...0x7E).contains($0.value) }) else { return nil }
        let scalar = scalars[index]
        if scalar == " " {
            return "the API key in this file contains a space at character \(position(index)); "
                + "it must hold the key alone"
        }
        var message = "the API key in this file contains \(kind(of: scalar)) at character \(position(index)); "
            + "a key is visible ASCII characters only"
        if scalar == "\u{FEFF}" { message += " (save the file without a byte order mark)" }
        return message
    }

    /// What kind of character `scalar` is, with its code point: `a control character (U+0000)`.
    private static func kind(of scalar: Unicode.Scalar) -> String {
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
