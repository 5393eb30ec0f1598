import Foundation
import PresenceCore
import PresenceDaemon
import Testing

@Suite("API key loading")
struct APIKeyLoaderTests {
    static let secret = "xkeysib-0123456789abcdef-SECRET"

    @Test("the key is read from CREDENTIALS_DIRECTORY when api_key_file is not set")
    func credentialsDirectory() throws {
        let folder = try ConfigTestFolder()
        try folder.write("credentials/brevo-api-key", Self.secret)
        let path = try folder.write("config.yaml", "agents:\n")
        let loaded = try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": folder.path + "/credentials"])
        #expect(loaded.apiKey.secret == Self.secret)
    }

    @Test("api_key_file wins over CREDENTIALS_DIRECTORY; one trailing newline is trimmed")
    func configuredFile() throws {
        let folder = try ConfigTestFolder()
        let key = try folder.write("brevo.key", Self.secret + "\n")
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: \(key)\n")
        let loaded = try ConfigLoader.load(path: path, environment: ["CREDENTIALS_DIRECTORY": "/nonexistent"])
        #expect(loaded.apiKey.secret == Self.secret)
    }

    @Test("no key file and no CREDENTIALS_DIRECTORY")
    func noKey() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("config.yaml", "agents:\n")
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.keyPath == "brevo.api_key_file")
        #expect(issues.first?.message == "no API key: set brevo.api_key_file or run under systemd with "
            + "LoadCredential=brevo-api-key:...")
    }

    @Test("a missing key file is an issue at the key file")
    func missingKeyFile() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("config.yaml", "agents:\n")
        let issues = configLoadIssues(path, environment: ["CREDENTIALS_DIRECTORY": folder.path])
        #expect(issues.map(\.location) == [ConfigLocation(file: folder.path + "/brevo-api-key")])
        #expect(issues.first?.keyPath == "brevo.api_key_file")
        #expect(issues.first?.message.contains("does not exist") == true)
    }

    @Test("bad key files are refused naming the position and kind, never the key", arguments: [
        ("", "is empty"),
        ("  \n\n", "is empty"),
        (secret + "\n" + secret + "\n", "more than one line"),
        (secret + " " + secret, "contains a space"),
        ("\u{FEFF}" + secret + "\n", "contains a byte order mark (U+FEFF) at character 1;"),
        ("xkeysib-0123" + "\u{0}" + "456789abcdef-SECRET\n", "contains a control character (U+0000) at character 13;"),
        ("API_KEY=" + secret + "\n", "looks like a NAME=value line (\"=\" at character 8); it must hold the value alone"),
        ("xkeysib-0123456789abcdef\t-SECRET\n", "contains a tab (U+0009) at character 25;"),
        ("xkeysib-0123456789abcdéf-SECRET\n", "contains a non-ASCII character (U+00E9) at character 23;"),
        ("\n  \u{7F}" + secret, "contains a control character (U+007F) at character 4;"),
        ("xkeysib-0123456789abcdef-SECRET\u{A0}x", "contains a non-ASCII space (U+00A0) at character 32;"),
    ])
    func badKeyFiles(contents: String, fragment: String) throws {
        let folder = try ConfigTestFolder()
        let key = try folder.write("key", contents)
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: key\n")
        let issues = configLoadIssues(path)
        #expect(issues.count == 1)
        #expect(issues.first?.location == ConfigLocation(file: key))
        #expect(issues.first?.keyPath == "brevo.api_key_file")
        #expect(issues.first?.message.contains(fragment) == true, "\(issues)")
        for part in ["SECRET", "0123456789", "xkeysib", "abcdef", "API_KEY"] {
            #expect(issues.allSatisfy { !$0.description.contains(part) }, "\(issues)")
        }
    }

    @Test("a key file over 64 KiB is refused without reading it as a key")
    func oversizedKeyFile() throws {
        let folder = try ConfigTestFolder()
        let key = try folder.write("key", String(repeating: Self.secret, count: 3_000))
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: key\n")
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == [
            "\(key): brevo.api_key_file: the API key file is larger than 64 KiB; this cannot be the right file",
        ])
    }

    @Test("visible ASCII punctuation is a valid key; a CRLF line end is trimmed")
    func punctuationIsFine() throws {
        let folder = try ConfigTestFolder()
        let secret = "xkeysib-AZaz09_-.~!#$%&*+/?@^`|"
        try folder.write("key", secret + "\r\n")
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: key\n")
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.apiKey.secret == secret)
    }

    @Test("a key file that group or others can read is a warning, not an error")
    func readableByOthers() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", Self.secret + "\n", mode: 0o644)
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: key\n")
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.apiKey.secret == Self.secret)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("0644") == true)
        #expect(loaded.warnings.first?.contains("SECRET") == false)
    }

    @Test("the key never prints")
    func redacted() {
        let key = APIKey(secret: Self.secret)
        #expect("\(key)" == "<redacted>")
        #expect(String(describing: key) == "<redacted>")
        #expect(String(reflecting: key) == "<redacted>")
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("SECRET"))
        #expect(key.secret == Self.secret)
    }

    @Test("key problems and config problems are reported together")
    func collectedWithOtherProblems() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "")
        let path = try folder.write("config.yaml", "brevo:\n  api_key_file: key\nagents_dir: missing.d\n")
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["agents_dir", "brevo.api_key_file"])
    }
}
