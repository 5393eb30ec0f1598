import Foundation
import PresenceCore
@testable import PresenceDaemon
import Testing

/// What `ConfigLoader` makes of the bytes of a file: a byte order mark, CRLF, text that is not
/// UTF-8, and files too large to be a config.
@Suite("ConfigLoader: encodings and sizes")
struct ConfigLoaderEncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Writes `bytes` to `name` in `folder`; returns the path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String, in folder: ConfigTestFolder) throws -> String {
        let path = folder.path + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a main config that starts with a BOM and has CRLF line ends loads", arguments: [false, true])
    func bomInMainFile(crlf: Bool) throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        var text = ConfigLoaderTests.keyLine + "agents:\n  - id: a1\n    label: \"Alice\"\n"
        if crlf { text = text.replacing("\n", with: "\r\n") }
        let path = try write(Self.bom + Array(text.utf8), to: "config.yaml", in: folder)
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.agents.map(\.key.rawValue) == ["id:a1"])
        #expect(loaded.config.agents.first?.label == "Alice")
        #expect(loaded.apiKey.secret == "xkeysib-abc123")
    }

    @Test("a drop-in that starts with a BOM loads")
    func bomInDropIn() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let path = try folder.write("config.yaml", ConfigLoaderTests.keyLine + "agents_dir: agents.d\nagents:\n  - id: a1\n")
        let dropIn = try write(Self.bom + Array("agents:\r\n- id: b1\r\n- id: b2\r\n".utf8),
                               to: "agents.d/windows.yaml", in: folder)
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.agents.map(\.key.rawValue) == ["id:a1", "id:b1", "id:b2"])
        #expect(loaded.config.agents.last?.source == ConfigLocation(file: dropIn, line: 3))
    }

    @Test("an issue about a setting of a BOM main file names its line")
    func bomMainFileIssueLine() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let text = ConfigLoaderTests.keyLine + "agents_dir: missing.d\n"
        let path = try write(Self.bom + Array(text.utf8), to: "config.yaml", in: folder)
        let issues = configLoadIssues(path)
        #expect(issues.map(\.keyPath) == ["agents_dir"])
        #expect(issues.first?.location == ConfigLocation(file: path, line: 3))
    }

    @Test("a config that is not UTF-8 names the byte, its offset and its line")
    func notUTF8Position() throws {
        let folder = try ConfigTestFolder()
        let prefix = Array("agents:\n  - id: a1\n  - id: b".utf8)
        let path = try write(prefix + [0xFF, 0x0A], to: "config.yaml", in: folder)
        let issues = configLoadIssues(path)
        #expect(issues.map(\.description) == [
            "\(path): the config file is not UTF-8 text: invalid byte 0xff at offset \(prefix.count) (line 3)",
        ])
    }

    @Test("a drop-in that is not UTF-8 names the byte, its offset and its line")
    func notUTF8DropIn() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let path = try folder.write("config.yaml", ConfigLoaderTests.keyLine + "agents_dir: agents.d\n")
        // Latin-1 "é" (0xE9) where UTF-8 wants a two-byte sequence.
        let dropIn = try write(Array("agents:\n  - id: caf".utf8) + [0xE9, 0x0A], to: "agents.d/a.yaml", in: folder)
        #expect(configLoadIssues(path).map(\.description) == [
            "\(dropIn): the drop-in file is not UTF-8 text: invalid byte 0xe9 at offset 19 (line 2)",
        ])
    }

    @Test("the first invalid byte is found after valid multi-byte text and in a sequence cut short",
          arguments: [
              (Array("é\n€\n".utf8) + [0x80], 0x80, 7, 3),
              (Array("a: b\n".utf8) + [0xE2, 0x82], 0xE2, 5, 2),
              ([0xC0, 0xAF], 0xC0, 0, 1),
          ] as [([UInt8], UInt8, Int, Int)])
    func invalidBytePosition(bytes: [UInt8], byte: UInt8, offset: Int, line: Int) {
        #expect(TextFileReader.invalidUTF8(in: bytes) == .notUTF8(byte: byte, offset: offset, line: line))
    }

    @Test("a one-file roster over 1 MiB loads")
    func largeRoster() throws {
        let folder = try ConfigTestFolder()
        try folder.write("key", "xkeysib-abc123\n")
        let count = 30_000
        var text = ConfigLoaderTests.keyLine + "agents:\n"
        for index in 1...count {
            let number = String(index)
            let padded = String(repeating: "0", count: 5 - number.count) + number
            text += "  - id: agent-\(padded)\n    label: Agent \(padded)\n"
        }
        #expect(text.utf8.count > 1 << 20)
        let path = try folder.write("config.yaml", text)
        let loaded = try ConfigLoader.load(path: path, environment: [:])
        #expect(loaded.config.agents.count == count)
        #expect(loaded.config.agents.last?.key.rawValue == "id:agent-30000")
    }

    @Test("a file over the size limit is refused, naming the limit")
    func overTheLimit() throws {
        let folder = try ConfigTestFolder()
        let path = try folder.write("config.yaml", "agents:\n" + String(repeating: "  - id: a\n", count: 200))
        #expect(throws: Never.self) { try ConfigLoader.readText(path, what: "config file", sizeLimit: 4096) }
        #expect {
            try ConfigLoader.readText(path, what: "config file", sizeLimit: 1024)
        } throws: { error in
            (error as? ConfigError)?.issues == [ConfigIssue(
                location: ConfigLocation(file: path), keyPath: "",
                message: "the config file is larger than 1 KiB; this cannot be the right file")]
        }
    }

    @Test("config files may reach 64 MiB, key files 64 KiB")
    func limits() {
        #expect(TextFileReader.configSizeLimit == 64 << 20)
        #expect(TextFileReader.keySizeLimit == 64 << 10)
        #expect(TextFileProblem.tooLarge(limit: TextFileReader.configSizeLimit).message
            == "is larger than 64 MiB; this cannot be the right file")
    }
}
