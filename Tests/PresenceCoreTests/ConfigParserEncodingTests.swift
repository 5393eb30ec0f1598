import PresenceCore
import Testing

/// Config text as Windows editors save it: a leading byte order mark, CRLF line ends, or both.
@Suite("ConfigParser: byte order mark and CRLF")
struct ConfigParserEncodingTests {
    static let bom = "\u{FEFF}"

    /// Agents, comments, quoted values (one folded over two lines) and a drop-in folder. It
    /// starts with a key: libyaml skips a BOM but counts it as a column, so before the fix the
    /// first key sat at column 1 and the next top-level key (line 5) ended the document.
    static let config = """
        brevo:
          api_key_file: "C:/keys/brevo key"   # quoted, with a space
          received_from: 'agent presenced'
        # Windows-edited config
        ping:
          interval: 30s
        agents_dir: agents.d
        agents:
          - id: d9nKoegKSjmCtyK78
            label: "Alice \\"A\\" Smith"
          # a comment between agents
          - email: liz@example.com
            name: 'Liz O''Neil'
            label: "two
              lines"
            enabled: false

        """

    /// Items at column 0 (YAML allows that under a key): a BOM counted as a column broke them.
    static let dropIn = "agents:\n- id: a1\n  label: 'One'\n# done\n- id: a2\n"

    static func crlf(_ text: String) -> String {
        text.replacing("\n", with: "\r\n")
    }

    @Test("a leading BOM, CRLF line ends or both parse exactly like the plain file",
          arguments: ["bom", "crlf", "bom+crlf"])
    func sameModel(_ form: String) throws {
        let expected = try ConfigParser.parse(Self.config, file: "config.yaml")
        var text = form.contains("crlf") ? Self.crlf(Self.config) : Self.config
        if form.contains("bom") { text = Self.bom + text }
        #expect(try ConfigParser.parse(text, file: "config.yaml") == expected)
        #expect(expected.agents.count == 2)
        #expect(expected.agents.map(\.label) == ["Alice \"A\" Smith", "two lines"])
        #expect(expected.brevo.receivedFrom == "agent presenced")
    }

    @Test("drop-ins accept a leading BOM and CRLF line ends too", arguments: ["bom", "crlf", "bom+crlf"])
    func dropIns(_ form: String) throws {
        let expected = try ConfigParser.parseDropIn(Self.dropIn, file: "agents.d/a.yaml")
        var text = form.contains("crlf") ? Self.crlf(Self.dropIn) : Self.dropIn
        if form.contains("bom") { text = Self.bom + text }
        #expect(try ConfigParser.parseDropIn(text, file: "agents.d/a.yaml") == expected)
        #expect(expected.map(\.source?.line) == [2, 5])
    }

    @Test("a BOM-only or BOM-and-comments file is an empty config",
          arguments: ["\u{FEFF}", "\u{FEFF}# nothing yet\r\n"])
    func bomOnly(_ text: String) throws {
        #expect(try ConfigParser.parse(text, file: "config.yaml") == PresenceConfig())
    }

    @Test("issues in a CRLF file keep their line", arguments: ["", "\u{FEFF}"])
    func crlfIssueLines(_ prefix: String) {
        let yaml = prefix + Self.crlf("agents:\n  - id: a1\n  - email: \"liz@\"\n    name: Liz\n")
        expectOneConfigIssue(yaml, keyPath: "agents[1].email", line: 3, mentions: "liz@")
    }

    @Test("a key repeated in a CRLF file names both lines")
    func crlfRepeatedKey() {
        let yaml = Self.crlf("ping:\n  interval: 60s\n  jitter: 2s\n  interval: 30s\n")
        expectOneConfigIssue(yaml, keyPath: "interval", line: 2, mentions: "(lines 2 and 4)")
    }

    @Test("a tab in a CRLF file is named as the likely cause")
    func crlfTab() {
        let issues = configParseIssues(Self.crlf("ping:\n  interval: 60s\n\tjitter: 2s\n"))
        #expect(issues.count == 1)
        #expect(issues.first?.location.line == 3, "\(issues)")
        #expect(issues.first?.message.contains("YAML does not allow tabs for indentation") == true, "\(issues)")
    }

    @Test("malformed YAML after a BOM is placed on its own line, not on the BOM's")
    func bomMalformedLine() {
        let issues = configParseIssues(Self.bom + "ping:\n  interval: 60s\nagents:\n  - id: [a2\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("document start") == false, "\(issues)")
        #expect(issues.first?.message.contains("flow sequence at line 4") == true, "\(issues)")
    }

    @Test("the line of a setting is found in a BOM and CRLF file")
    func lineOfSetting() {
        let yaml = Self.bom + Self.crlf(Self.config)
        #expect(ConfigParser.line(of: "agents_dir", in: yaml) == 7)
        #expect(ConfigParser.line(of: "ping.interval", in: yaml) == 6)
    }
}
